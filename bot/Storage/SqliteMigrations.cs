namespace FlywheelBot.Storage;

/// <summary>The SQLite schema, as an ordered list of steps. Times are unix milliseconds (UTC) so they order correctly.</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "documents table with due-time and expiry indexes", """
            CREATE TABLE IF NOT EXISTS documents (
                collection TEXT NOT NULL,
                key TEXT NOT NULL,
                json TEXT NOT NULL,
                version INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                due_at INTEGER NULL,
                expires_at INTEGER NULL,
                PRIMARY KEY (collection, key)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS ix_documents_due ON documents (collection, due_at) WHERE due_at IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_documents_expires ON documents (expires_at) WHERE expires_at IS NOT NULL;
            """),
        new(2, "file identity marker (a deleted or replaced database file is noticed)", """
            CREATE TABLE IF NOT EXISTS store_identity (id TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
            INSERT INTO store_identity (id) SELECT lower(hex(randomblob(16))) WHERE NOT EXISTS (SELECT 1 FROM store_identity);
            """),
    ];
}
