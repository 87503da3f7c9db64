using System.Collections.Immutable;
using System.Globalization;
using FlywheelBot.Flywheel;
using FsCheck;
using FsCheck.Fluent;

namespace FlywheelBot.Tests.Flywheel;

/// <summary>A random engine input, printed readably when a property fails.</summary>
public sealed record GeneratedInput(DiagnosisInput Input)
{
    public override string ToString() =>
        $"{FlywheelIds.Of(Input.Audience)} {FlywheelIds.Of(Input.Awareness)} community={FlywheelIds.Of(Input.Community)} "
        + string.Join(" ", Input.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value.ToString(CultureInfo.InvariantCulture)}"))
        + $" doing={string.Join(",", Input.Doing.Order(StringComparer.Ordinal))}";
}

/// <summary>
/// FsCheck generators: every audience, awareness and community; each playbook metric present or not, with values
/// clustered around its weak and healthy lines (and anywhere in its range); any subset of activities being done.
/// </summary>
public static class FlywheelArbitraries
{
    public static Arbitrary<GeneratedInput> Inputs() =>
        Arb.From(
            from audience in Gen.Elements(Enum.GetValues<Audience>())
            from awareness in Gen.Elements(Enum.GetValues<MarketAwareness>())
            from community in Gen.Elements(Enum.GetValues<Community>())
            from metrics in Gen.CollectToArray(Given.Playbook.Metrics, Value)
            from doing in Gen.SubListOf(Given.Playbook.Activities.Select(a => a.Id))
            select new GeneratedInput(new DiagnosisInput(
                audience,
                awareness,
                community,
                metrics.Where(m => m.HasValue).ToImmutableDictionary(m => m!.Value.Id, m => m!.Value.Value),
                doing.ToImmutableHashSet())));

    private static Gen<(string Id, decimal Value)?> Value(MetricDefinition metric)
    {
        var lines = metric.Thresholds.Values.SelectMany(t => new[] { t.Weak, t.Healthy }).ToArray();
        var low = metric.Min ?? -100;
        var high = metric.Max ?? lines.Max() * 3;
        var near = lines.SelectMany(l => new[] { l - 1, l - 0.5m, l, l + 0.5m, l + 1 })
            .Concat([low, high])
            .Where(v => v >= low && v <= high)
            .ToArray();
        var anywhere = Gen.Choose((int)low, (int)high).Select(v => (decimal)v);
        var value = Gen.OneOf(Gen.Elements(near), anywhere);
        return Gen.Frequency(
            (1, Gen.Constant<(string, decimal)?>(null)),
            (1, value.Select(v => ((string, decimal)?)(metric.Id, v))));
    }
}
