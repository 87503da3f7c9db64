using System.Collections.Immutable;

namespace FlywheelBot.Flywheel.Cli;

/// <summary>Checks the request's metric ids, values and activity ids against the playbook and builds the engine input.</summary>
internal static class AdviseInputBuilder
{
    public static (DiagnosisInput? Input, string? Error) Build(AdviseRequest request, Playbook playbook)
    {
        var metrics = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        foreach (var (id, text) in request.Metrics)
        {
            var metric = playbook.Metrics.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));
            if (metric is null)
            {
                return (null, $"unknown metric '{id}' (known: {string.Join(", ", playbook.Metrics.Select(m => m.Id))})");
            }

            if (metrics.ContainsKey(metric.Id))
            {
                return (null, $"--metric {metric.Id} is given more than once");
            }

            var parsed = MetricValueParser.Parse(metric, text);
            if (parsed.Value is not { } value)
            {
                return (null, $"--metric {metric.Id}={text}: {parsed.Error}");
            }

            metrics[metric.Id] = value;
        }

        var doing = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var id in request.Doing)
        {
            var activity = playbook.Activities.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase));
            if (activity is null)
            {
                return (null, $"unknown activity '{id}' in --doing (known: {string.Join(", ", playbook.Activities.Select(a => a.Id))})");
            }

            doing.Add(activity.Id);
        }

        return (new DiagnosisInput(request.Audience, request.Awareness, request.Community, metrics.ToImmutable(), doing.ToImmutable()), null);
    }
}
