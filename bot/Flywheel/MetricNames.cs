using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace FlywheelBot.Flywheel;

/// <summary>
/// The words people type for the playbook's metrics, from the playbook data (each metric's <c>aliases</c>, its id and
/// its label), so the interview, metric updates and check-ins understand the same words, and a custom playbook brings
/// its own. Matching ignores case, and treats <c>-</c> and <c>_</c> as spaces: "Visitor-to-lead", "visitor_to_lead" and
/// "visitor to lead" are one name.
/// </summary>
public sealed class MetricNames
{
    private readonly FrozenDictionary<string, string> _byName;

    public MetricNames(IEnumerable<MetricDefinition> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var aliases = new List<(string, string)>();
        foreach (var metric in metrics)
        {
            foreach (var alias in metric.Aliases.Select(Normalize).Where(a => a.Length > 0))
            {
                aliases.Add((alias, metric.Id));
                byName.TryAdd(alias, metric.Id);
            }
        }

        // Ids and labels are names too, behind the aliases (an alias that equals another metric's label wins).
        foreach (var metric in metrics)
        {
            byName.TryAdd(Normalize(metric.Id), metric.Id);
            byName.TryAdd(Normalize(metric.Label.Replace("(%)", string.Empty, StringComparison.Ordinal)), metric.Id);
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        Aliases = [.. aliases.OrderByDescending(a => a.Item1.Length).ThenBy(a => a.Item1, StringComparer.Ordinal)];
    }

    /// <summary>Every alias with its metric id, normalized, longest first (so "monthly churn" is tried before "churn").</summary>
    public ImmutableArray<(string Alias, string MetricId)> Aliases { get; }

    /// <summary>Lower case, <c>-</c> and <c>_</c> read as spaces, single spaces, trimmed.</summary>
    public static string Normalize(string? name) =>
        string.Join(' ', (name ?? string.Empty).ToLowerInvariant().Split([' ', '\t', '-', '_'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The metric a name means: an alias, an id or a label; failing those, the name with "pct" after it or "monthly"
    /// before it ("activation" for <c>activation_pct</c>, "churn" for <c>monthly_churn_pct</c>).
    /// </summary>
    public bool TryFind(string? name, [NotNullWhen(true)] out string? metricId)
    {
        var key = Normalize(name);
        metricId = null;
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var candidate in new[] { key, $"{key} pct", $"monthly {key}", $"monthly {key} pct" })
        {
            if (_byName.TryGetValue(candidate, out metricId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The alias that starts <paramref name="text"/> as whole words (longest first), and where it ends in the text.
    /// <paramref name="text"/> is compared as <see cref="Normalize"/> would read it, letter for letter.
    /// </summary>
    public bool TryMatchStart(string text, [NotNullWhen(true)] out string? metricId, out int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.ToLowerInvariant().Replace('-', ' ').Replace('_', ' ');
        foreach (var (alias, id) in Aliases)
        {
            if (folded.StartsWith(alias, StringComparison.Ordinal) && (folded.Length == alias.Length || !char.IsLetter(folded[alias.Length])))
            {
                metricId = id;
                length = alias.Length;
                return true;
            }
        }

        metricId = null;
        length = 0;
        return false;
    }

    /// <summary>
    /// The metric whose alias appears anywhere in <paramref name="text"/> as whole words, the longest alias first
    /// ("300 website visitors a month" is <c>monthly_visitors</c>). <paramref name="text"/> is read as
    /// <see cref="Normalize"/> would read it.
    /// </summary>
    public bool TryFindIn(string text, [NotNullWhen(true)] out string? metricId)
    {
        ArgumentNullException.ThrowIfNull(text);
        var padded = $" {string.Join(' ', text.ToLowerInvariant().Split([' ', '\t', '-', '_', ',', '.', '?', '!', ':', ';'], StringSplitOptions.RemoveEmptyEntries))} ";
        foreach (var (alias, id) in Aliases)
        {
            if (padded.Contains($" {alias} ", StringComparison.Ordinal))
            {
                metricId = id;
                return true;
            }
        }

        metricId = null;
        return false;
    }
}
