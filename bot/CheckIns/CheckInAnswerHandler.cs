using System.Collections.Immutable;
using FlywheelBot.Advisor;
using FlywheelBot.CheckIns.History;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Views;

namespace FlywheelBot.CheckIns;

/// <summary>
/// Takes a check-in's values (card inputs or typed "visitors 5400, nps 20"): updates the team profile, re-diagnoses,
/// stores the snapshot, and answers with what changed since the last snapshot and the recommendation.
/// </summary>
internal sealed class CheckInAnswerHandler(
    ITeamProfileStore profiles,
    IDiagnosisRecorder recorder,
    HistoryStore history,
    ICheckInAdvice advice,
    TimeProvider clock)
{
    public const string Source = "check-in";

    /// <summary>Resolves names to metric ids; null when any name is not a known metric.</summary>
    public ImmutableArray<KeyValuePair<string, string>>? Resolve(ImmutableArray<KeyValuePair<string, string>> pairs)
    {
        var resolved = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>(pairs.Length);
        foreach (var (name, value) in pairs)
        {
            if (!advice.TryResolveMetric(name, out var id))
            {
                return null;
            }

            resolved.Add(KeyValuePair.Create(id, value));
        }

        return resolved.ToImmutable();
    }

    public async Task<ViewModel> HandleAsync(string conversationKey, ImmutableArray<KeyValuePair<string, string>> metricValues, CancellationToken cancellationToken)
    {
        var values = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var (id, text) in metricValues)
        {
            if (advice.TryParseValue(id, text, out var value))
            {
                values[id] = value;
            }
            else
            {
                unreadable.Add($"{advice.Describe(id).Label} \"{text}\"");
            }
        }

        if (unreadable.Count > 0 || values.Count == 0)
        {
            return new CheckInNoticeView(values.Count == 0 && unreadable.Count == 0
                ? "I didn't get any values. Fill in at least one metric, or type them like \"visitors 5400, nps 20\"."
                : $"I couldn't read {string.Join(", ", unreadable)}. Nothing was saved; please send the numbers again, e.g. \"visitors 5400, nps 20\".");
        }

        if (await profiles.GetAsync(conversationKey, cancellationToken) is null)
        {
            return new CheckInNoticeView(
                "I don't know your team yet, so I can't diagnose these numbers. Answer my first questions (say \"hi\"), then check-ins compare week by week.");
        }

        var now = clock.GetUtcNow();
        var previous = await history.LatestAsync(conversationKey, cancellationToken);
        var update = values.ToImmutable();
        var profile = await profiles.UpdateAsync(
            conversationKey,
            p => (p ?? throw new InvalidOperationException("The team profile disappeared.")) with { Metrics = p.Metrics.SetItems(update), UpdatedAt = now },
            cancellationToken);
        var diagnosis = advice.Diagnose(profile.ToDiagnosisInput());
        await recorder.RecordAsync(conversationKey, diagnosis, Source, now, cancellationToken);
        var changes = SnapshotDiff.Describe(previous, HistorySnapshot.From(diagnosis, Source, now), advice.Describe);
        return new CheckInResultView(changes, diagnosis.Bottleneck.Stage, diagnosis.Bottleneck.IsOptimisation, diagnosis.Recommendation, diagnosis.StopDoing);
    }
}
