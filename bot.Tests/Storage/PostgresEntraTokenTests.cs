using System.Collections.Concurrent;
using Azure.Core;
using FlywheelBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// Azure Database for PostgreSQL with Entra authentication: with an identity and no password in the connection string,
/// the identity's access token is the password. The local server stands in for Azure: the "token" is its password.
/// </summary>
public sealed class PostgresEntraTokenTests : IAsyncLifetime
{
    private readonly string _schema = $"fw_entra_{Guid.NewGuid():N}";

    [PostgresFact]
    public async Task Without_a_password_the_identitys_token_for_the_database_scope_is_the_password()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresPeer.RequireConnectionString());
        var credential = new RecordingCredential(server.Password!);
        var options = Options(server, withPassword: false);

        await using var store = (PostgresDocumentStore)DocumentStoreFactory.Create(options, ".", new FakeTimeProvider(), NullLoggerFactory.Instance, credential);
        await store.MigrateAsync(CancellationToken.None);

        Assert.Contains(store.LatestMigration, await store.GetAppliedMigrationsAsync(CancellationToken.None));
        Assert.Equal(["https://ossrdbms-aad.database.windows.net/.default"], credential.Scopes.Distinct());
    }

    [PostgresFact]
    public async Task A_token_the_server_refuses_fails_the_sign_in()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresPeer.RequireConnectionString());
        var credential = new RecordingCredential("not-the-password");

        await using var store = (PostgresDocumentStore)DocumentStoreFactory.Create(
            Options(server, withPassword: false), ".", new FakeTimeProvider(), NullLoggerFactory.Instance, credential);

        var error = await Assert.ThrowsAsync<PostgresException>(() => store.MigrateAsync(CancellationToken.None));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
        Assert.NotEmpty(credential.Scopes);
    }

    [PostgresFact]
    public async Task A_password_in_the_connection_string_wins_and_no_token_is_asked()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresPeer.RequireConnectionString());
        var credential = new RecordingCredential("not-the-password");

        await using var store = (PostgresDocumentStore)DocumentStoreFactory.Create(
            Options(server, withPassword: true), ".", new FakeTimeProvider(), NullLoggerFactory.Instance, credential);
        await store.MigrateAsync(CancellationToken.None);

        Assert.Empty(credential.Scopes);
    }

    [Fact]
    public void Without_an_identity_the_connection_string_is_used_as_it_is()
    {
        var connection = new NpgsqlConnectionStringBuilder("Host=db.example;Username=bot");

        Assert.False(PostgresDataSource.UsesAccessToken(connection, accessToken: null));
        Assert.True(PostgresDataSource.UsesAccessToken(connection, _ => ValueTask.FromResult("token")));
        connection.Password = "secret";
        Assert.False(PostgresDataSource.UsesAccessToken(connection, _ => ValueTask.FromResult("token")));
    }

    public Task InitializeAsync() => RunAsync($"CREATE SCHEMA \"{_schema}\";");

    public Task DisposeAsync() => RunAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE;");

    private static async Task RunAsync(string sql)
    {
        if (PostgresPeer.ConnectionString is not { } server)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private StorageOptions Options(NpgsqlConnectionStringBuilder server, bool withPassword)
    {
        var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString)
        {
            SearchPath = _schema,
            Pooling = false,
        };
        if (!withPassword)
        {
            connection.Remove("Password");
        }

        return new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connection.ConnectionString };
    }

    private sealed class RecordingCredential(string token) : TokenCredential
    {
        public ConcurrentQueue<string> Scopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                Scopes.Enqueue(scope);
            }

            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
