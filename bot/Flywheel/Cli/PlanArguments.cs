using System.Collections.Immutable;
using FlywheelBot.Flywheel.Goals;

namespace FlywheelBot.Flywheel.Cli;

/// <summary>Parses <c>plan</c> options (<c>--name value</c> or <c>--name=value</c>); every mistake becomes one line.</summary>
internal static class PlanArguments
{
    public static readonly ImmutableArray<string> Options =
        ["--goal", "--by", "--audience", "--awareness", "--name", "--json", "--playbook", "--help"];

    public static (PlanRequest? Request, string? Error) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var (name, inline) = arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 && !arg.StartsWith("--goal=", StringComparison.Ordinal)
                ? (arg[..equals], arg[(equals + 1)..])
                : arg.StartsWith("--goal=", StringComparison.Ordinal) ? ("--goal", arg["--goal=".Length..]) : (arg, null);
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"unexpected argument '{arg}'; options start with -- ({string.Join(", ", Options)})");
            }

            if (name == "--json")
            {
                json = true;
                continue;
            }

            if (!Options.Contains(name))
            {
                return Fail($"unknown option '{name}' (allowed: {string.Join(", ", Options)})");
            }

            var value = inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                return Fail($"{name} needs a value{Allowed(name)}");
            }

            if (!values.TryAdd(name, value.Trim()))
            {
                return Fail(name == "--goal"
                    ? "--goal is given more than once: a flywheel has one measurable goal; give one --goal"
                    : $"{name} is given more than once");
            }
        }

        foreach (var required in new[] { "--goal", "--by", "--audience", "--awareness" })
        {
            if (!values.ContainsKey(required))
            {
                return Fail($"{required} is required{Allowed(required)}");
            }
        }

        var goal = values["--goal"];
        var split = goal.IndexOf('=', StringComparison.Ordinal);
        if (split <= 0 || split == goal.Length - 1)
        {
            return Fail($"--goal expects metric=target, got '{goal}'{Allowed("--goal")}");
        }

        if (!GoalRules.TryParseIsoDate(values["--by"], out var by))
        {
            return Fail($"--by expects a date as yyyy-mm-dd, got '{values["--by"]}'");
        }

        if (!FlywheelIds.TryParseAudience(values["--audience"], out var audience))
        {
            return Fail($"unknown audience '{values["--audience"]}'{Allowed("--audience")}");
        }

        if (!FlywheelIds.TryParseAwareness(values["--awareness"], out var awareness))
        {
            return Fail($"unknown awareness '{values["--awareness"]}'{Allowed("--awareness")}");
        }

        return (new PlanRequest(
            goal[..split].Trim(),
            goal[(split + 1)..].Trim(),
            by,
            audience,
            awareness,
            values.GetValueOrDefault("--name"),
            json,
            values.GetValueOrDefault("--playbook")), null);
    }

    private static (PlanRequest?, string?) Fail(string error) => (null, error);

    private static string Allowed(string name) => name switch
    {
        "--goal" => " (metric=target, e.g. --goal leads=50)",
        "--by" => " (a date as yyyy-mm-dd, e.g. --by 2027-03-31)",
        "--audience" => " (sdm, end-user)",
        "--awareness" => " (new, emerging, established)",
        "--name" => " (the campaign's name, e.g. --name \"Spring launch\")",
        "--playbook" => " (a path to a playbook JSON file)",
        _ => string.Empty,
    };
}
