namespace FlywheelBot.Tests.Storage;

/// <summary>A fact that needs the PostgreSQL peer: skipped locally when it is missing, run (and failing) in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresPeer.SkipReason;
    }
}
