namespace FlywheelBot.Storage;

/// <summary>Which database backs <see cref="IDocumentStore"/> (setting <c>Storage:Provider</c>, case-insensitive).</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file (the default): one bot instance.</summary>
    Sqlite,

    /// <summary>PostgreSQL: several bot instances behind a load balancer share one database.</summary>
    Postgres,
}
