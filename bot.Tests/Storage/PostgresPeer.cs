namespace FlywheelBot.Tests.Storage;

/// <summary>
/// The PostgreSQL test server, from <c>FLYWHEEL_TEST_POSTGRES</c>. When it is missing, tests skip locally but fail
/// when <c>CI</c> or <c>FLYWHEEL_REQUIRE_PEERS</c> is set.
/// </summary>
internal static class PostgresPeer
{
    public const string Variable = "FLYWHEEL_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool Required =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FLYWHEEL_REQUIRE_PEERS"));

    /// <summary>Why a PostgreSQL test is skipped, or null when it must run (server configured, or required).</summary>
    public static string? SkipReason => ConnectionString is null && !Required
        ? $"PostgreSQL not configured: set {Variable} (locally: eval \"$(bash .ci/postgres.sh 2>/dev/null)\"). Required when CI or FLYWHEEL_REQUIRE_PEERS is set."
        : null;

    public static string RequireConnectionString() => ConnectionString
        ?? throw new InvalidOperationException($"PostgreSQL is required here (CI or FLYWHEEL_REQUIRE_PEERS is set) but {Variable} is not set.");
}
