namespace FlywheelBot.Bench;

/// <summary>The servers a load run can measure, in the order they are measured.</summary>
internal static class Targets
{
    public const string Botbuilder = "botbuilder";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static readonly string[] All = [Botbuilder, Sqlite, Postgres];
}
