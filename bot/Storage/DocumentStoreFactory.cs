namespace FlywheelBot.Storage;

/// <summary>Builds the configured provider. Used by the host, and by tests and the benchmark that need a real store.</summary>
internal static class DocumentStoreFactory
{
    /// <param name="baseDirectory">Where a relative SQLite path resolves (the host passes its content root).</param>
    public static IDocumentStore Create(StorageOptions options, string baseDirectory, TimeProvider clock, ILoggerFactory loggers, StorageHealth? health = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        return options.Provider switch
        {
            StorageProvider.Postgres => new PostgresDocumentStore(options.ConnectionString, clock, loggers.CreateLogger<PostgresDocumentStore>()),
            _ => new SqliteDocumentStore(options.ConnectionString, clock, loggers.CreateLogger<SqliteDocumentStore>(), baseDirectory, health),
        };
    }
}
