namespace FlywheelBot.Storage;

/// <summary>
/// The PostgreSQL schema, as an ordered list of steps. Keys use the "C" collation so ordering is by code point,
/// exactly as in SQLite; JSON is <c>text</c> so the stored bytes are exactly the ones written.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>Key of the transaction-scoped advisory lock that serializes migrations across instances.</summary>
    public const long AdvisoryLockKey = 0x466C_7977_6865_6C31; // "Flywhel1"

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "documents table with due-time and expiry indexes", """
            CREATE TABLE IF NOT EXISTS documents (
                collection text COLLATE "C" NOT NULL,
                key text COLLATE "C" NOT NULL,
                json text NOT NULL,
                version bigint NOT NULL,
                updated_at timestamptz NOT NULL,
                due_at timestamptz NULL,
                expires_at timestamptz NULL,
                PRIMARY KEY (collection, key)
            );
            CREATE INDEX IF NOT EXISTS ix_documents_due ON documents (collection, due_at) WHERE due_at IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_documents_expires ON documents (expires_at) WHERE expires_at IS NOT NULL;
            """),
        new(2, "flywheel_expect: raises FW409 when a commit's version expectation does not hold", """
            CREATE OR REPLACE FUNCTION flywheel_expect(held boolean) RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
                IF held IS NOT TRUE THEN
                    RAISE EXCEPTION 'a version expectation of the commit did not hold' USING ERRCODE = 'FW409';
                END IF;
                RETURN true;
            END
            $$;
            """),
    ];
}
