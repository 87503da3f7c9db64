using Azure.Core;
using Azure.Identity;

namespace FlywheelBot.Storage;

/// <summary>Builds the configured provider. Used by the host, and by tests and the benchmark that need a real store.</summary>
internal static class DocumentStoreFactory
{
    /// <summary>The scope of Entra tokens for Azure Database for PostgreSQL.</summary>
    public const string PostgresTokenScope = "https://ossrdbms-aad.database.windows.net/.default";

    /// <param name="baseDirectory">Where a relative SQLite path resolves (the host passes its content root).</param>
    /// <param name="credential">
    /// PostgreSQL: the identity whose Entra token is the password; null builds a managed-identity credential from
    /// <see cref="StorageOptions.ManagedIdentityClientId"/> when that is set.
    /// </param>
    public static IDocumentStore Create(
        StorageOptions options, string baseDirectory, TimeProvider clock, ILoggerFactory loggers, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        return options.Provider switch
        {
            StorageProvider.Postgres => new PostgresDocumentStore(
                options.ConnectionString, AccessToken(options, credential), clock, loggers.CreateLogger<PostgresDocumentStore>()),
            _ => new SqliteDocumentStore(options.ConnectionString, clock, loggers.CreateLogger<SqliteDocumentStore>(), baseDirectory),
        };
    }

    private static Func<CancellationToken, ValueTask<string>>? AccessToken(StorageOptions options, TokenCredential? credential)
    {
        credential ??= string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? null
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        if (credential is null)
        {
            return null;
        }

        var request = new TokenRequestContext([PostgresTokenScope]);
        return async cancellationToken => (await credential.GetTokenAsync(request, cancellationToken)).Token;
    }
}
