using System.Collections.Immutable;

namespace FlywheelBot.Flywheel.Cli;

/// <summary>
/// The <c>advise</c> command line as typed, before it is checked against a playbook. Metric values and activity ids
/// stay as text here; <see cref="AdviseInputBuilder"/> validates them against the playbook.
/// </summary>
internal sealed record AdviseRequest(
    Audience Audience,
    MarketAwareness Awareness,
    Community Community,
    ImmutableArray<(string Id, string Value)> Metrics,
    ImmutableArray<string> Doing,
    bool Json,
    string? PlaybookPath);
