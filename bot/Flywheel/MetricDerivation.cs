using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Works out what the reported numbers imply (<see cref="RateRelation"/>): the rate from its two counts, the later count
/// from the earlier one and the rate (never the earlier count backwards: a better rate must not mean fewer visitors). Pure; recomputed from the reported numbers every time, so a changed count moves the derived rate with it.
/// </summary>
public static class MetricDerivation
{
    /// <summary>The empty set of implied ids (shared: most turns imply nothing).</summary>
    private static readonly ImmutableHashSet<string> NoneDerived = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>The reported metrics plus every one they imply, and the ids that were implied.</summary>
    public static (ImmutableDictionary<string, decimal> Metrics, ImmutableHashSet<string> Derived) Complete(Playbook playbook, ImmutableDictionary<string, decimal> reported)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(reported);
        var metrics = reported;
        ImmutableHashSet<string>.Builder? derived = null;
        foreach (var relation in playbook.RateRelations)
        {
            var hasRate = metrics.TryGetValue(relation.Rate, out var rate);
            var hasFrom = metrics.TryGetValue(relation.From, out var from);
            var hasTo = metrics.TryGetValue(relation.To, out var to);
            if (!hasRate && hasFrom && hasTo && from > 0 && to <= from)
            {
                metrics = metrics.SetItem(relation.Rate, Math.Round(to / from * 100m, 2, MidpointRounding.AwayFromZero));
                (derived ??= ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal)).Add(relation.Rate);
            }
            else if (hasRate && hasFrom && !hasTo)
            {
                metrics = metrics.SetItem(relation.To, Math.Round(from * rate / 100m, 0, MidpointRounding.AwayFromZero));
                (derived ??= ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal)).Add(relation.To);
            }
        }

        return (metrics, derived?.ToImmutable() ?? NoneDerived);
    }

    /// <summary>
    /// The metric ids that can be worked out from <paramref name="known"/> (so an interview need not ask for them).
    /// </summary>
    public static ImmutableHashSet<string> Derivable(Playbook playbook, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(known);
        return Derivable(playbook, known.ToHashSet(StringComparer.Ordinal).Contains);
    }

    /// <summary>The metric ids that can be worked out from the reported ones (their keys), without copying them.</summary>
    public static ImmutableHashSet<string> Derivable(Playbook playbook, IReadOnlyDictionary<string, decimal> reported)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(reported);
        return Derivable(playbook, reported.ContainsKey);
    }

    private static ImmutableHashSet<string> Derivable(Playbook playbook, Func<string, bool> isKnown)
    {
        ImmutableHashSet<string>.Builder? result = null;
        foreach (var relation in playbook.RateRelations)
        {
            // Exactly one of the three missing, and not the earlier count (never worked out backwards).
            var missingRate = !isKnown(relation.Rate);
            var missingFrom = !isKnown(relation.From);
            var missingTo = !isKnown(relation.To);
            if (!missingFrom && missingRate != missingTo)
            {
                (result ??= ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal)).Add(missingRate ? relation.Rate : relation.To);
            }
        }

        return result?.ToImmutable() ?? NoneDerived;
    }

    /// <summary>
    /// A new reported value for <paramref name="metricId"/>: when the other two of its relation were reported too, the
    /// one that is now implied (the rate after a count changed, else the later count) is dropped so it is recomputed.
    /// </summary>
    public static ImmutableDictionary<string, decimal> Update(Playbook playbook, ImmutableDictionary<string, decimal> reported, string metricId, decimal value)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(reported);
        var result = reported.SetItem(metricId, value);
        foreach (var relation in playbook.RateRelations)
        {
            string[] ids = [relation.Rate, relation.From, relation.To];
            if (!ids.Contains(metricId) || !ids.All(result.ContainsKey))
            {
                continue;
            }

            result = result.Remove(metricId == relation.Rate ? relation.To : relation.Rate);
        }

        return result;
    }

    internal static ImmutableArray<RateRelation> Relations(Playbook playbook) => playbook.RateRelations;
}
