using Npgsql;

namespace FlywheelBot.Storage;

/// <summary>Builds the Npgsql data source, with an Entra access token as the password when one is asked for.</summary>
internal static class PostgresDataSource
{
    /// <summary>Entra tokens live 60-90 minutes; a new one is asked well before.</summary>
    private static readonly TimeSpan TokenRefresh = TimeSpan.FromMinutes(50);

    /// <summary>After a failed token request, the next try comes this soon.</summary>
    private static readonly TimeSpan TokenRetry = TimeSpan.FromSeconds(5);

    public static NpgsqlDataSource Create(string connectionString, Func<CancellationToken, ValueTask<string>>? accessToken)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);

        // The store sets no session state (its only lock is transaction-scoped), so a pooled connection needs no
        // DISCARD ALL when it is returned; its few statements are prepared once per connection instead of parsed per use.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        if (UsesAccessToken(builder.ConnectionStringBuilder, accessToken))
        {
            builder.UsePeriodicPasswordProvider((_, cancellationToken) => accessToken!(cancellationToken), TokenRefresh, TokenRetry);
        }

        return builder.Build();
    }

    /// <summary>A password in the connection string wins; the token is used only when there is none.</summary>
    public static bool UsesAccessToken(NpgsqlConnectionStringBuilder connection, Func<CancellationToken, ValueTask<string>>? accessToken) =>
        accessToken is not null && string.IsNullOrEmpty(connection.Password);
}
