namespace FlywheelBot.Bench;

/// <summary>The servers a load run can measure, in the order they are measured.</summary>
internal static class Targets
{
    public const string Botbuilder = "botbuilder";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The PostgreSQL floor: a turn's commit alone, sent through the bot's store by the bench itself (see <see cref="StoreFloor"/>).</summary>
    public const string PostgresStore = "postgres-store";

    /// <summary>The app as published for hosting (Native AOT, <c>dotnet publish</c>), on SQLite.</summary>
    public const string SqlitePublished = "sqlite-published";

    /// <summary>The app as published for hosting (Native AOT, <c>dotnet publish</c>), on PostgreSQL.</summary>
    public const string PostgresPublished = "postgres-published";

    public static readonly string[] All = [Botbuilder, Sqlite, Postgres, PostgresStore, SqlitePublished, PostgresPublished];

    /// <summary>Whether the target runs the published app (no bench endpoints in it) rather than the bench's own host.</summary>
    public static bool IsPublished(string target) => target is SqlitePublished or PostgresPublished;

    /// <summary>Whether the target stores in PostgreSQL.</summary>
    public static bool UsesPostgres(string target) => target is Postgres or PostgresStore or PostgresPublished;
}
