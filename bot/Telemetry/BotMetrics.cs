using System.Diagnostics.Metrics;

namespace FlywheelBot.Telemetry;

/// <summary>
/// FlywheelBot's own counters (meter <c>FlywheelBot</c>): turns, advice given, check-ins sent and failures. Tags are
/// small fixed vocabularies (turn kind, conversation scope, step, failure kind), never user text or ids. Recording is
/// nearly free when nothing listens (no exporter configured).
/// </summary>
internal sealed class BotMetrics
{
    public const string MeterName = "FlywheelBot";

    private readonly Counter<long> _turns;
    private readonly Counter<long> _advice;
    private readonly Counter<long> _checkIns;
    private readonly Counter<long> _failures;

    /// <param name="meters">The host's meter factory; a host without one (some tests) gets a meter of its own.</param>
    public BotMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _turns = meter.CreateCounter<long>("flywheel.turns", "{turn}", "Turns handled by the advisor");
        _advice = meter.CreateCounter<long>("flywheel.advice.given", "{advice}", "Recommendations given (a completed diagnosis)");
        _checkIns = meter.CreateCounter<long>("flywheel.checkins.sent", "{message}", "Weekly check-ins and reminders delivered");
        _failures = meter.CreateCounter<long>("flywheel.failures", "{failure}", "Turns that failed and proactive sends that did not go out");
    }

    public void Turn(string kind, string scope) =>
        _turns.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("scope", scope));

    public void AdviceGiven(string source) => _advice.Add(1, new KeyValuePair<string, object?>("source", source));

    public void CheckInSent(string step) => _checkIns.Add(1, new KeyValuePair<string, object?>("step", step));

    public void Failure(string kind) => _failures.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
