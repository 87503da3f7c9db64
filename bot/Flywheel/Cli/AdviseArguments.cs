using System.Collections.Immutable;

namespace FlywheelBot.Flywheel.Cli;

/// <summary>
/// Parses <c>advise</c> options (<c>--name value</c> or <c>--name=value</c>). Every mistake becomes one line naming the
/// problem and the allowed values.
/// </summary>
internal static class AdviseArguments
{
    public static readonly ImmutableArray<string> Options =
        ["--audience", "--awareness", "--community", "--metric", "--doing", "--json", "--playbook", "--help"];

    public static (AdviseRequest? Request, string? Error) Parse(IReadOnlyList<string> args)
    {
        Audience? audience = null;
        MarketAwareness? awareness = null;
        Community? community = null;
        string? playbook = null;
        var json = false;
        var metrics = ImmutableArray.CreateBuilder<(string, string)>();
        var doing = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"unexpected argument '{args[i]}'; options start with -- ({string.Join(", ", Options)})");
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
            if (value is null)
            {
                return Fail($"{name} needs a value{Allowed(name)}");
            }

            var error = name switch
            {
                "--audience" => Set(ref audience, name, value, FlywheelIds.TryParseAudience),
                "--awareness" => Set(ref awareness, name, value, FlywheelIds.TryParseAwareness),
                "--community" => Set(ref community, name, value, FlywheelIds.TryParseCommunity),
                "--playbook" => SetPath(ref playbook, value),
                "--metric" => AddMetric(metrics, value),
                _ => AddDoing(doing, value),
            };
            if (error is not null)
            {
                return Fail(error);
            }
        }

        if (audience is not { } a)
        {
            return Fail($"--audience is required{Allowed("--audience")}");
        }

        if (awareness is not { } w)
        {
            return Fail($"--awareness is required{Allowed("--awareness")}");
        }

        return (new AdviseRequest(a, w, community ?? Community.Unknown, metrics.ToImmutable(), doing.ToImmutable(), json, playbook), null);
    }

    public static bool WantsHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h");

    private static (AdviseRequest?, string?) Fail(string error) => (null, error);

    private static (string Name, string? Inline) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static string Allowed(string name) => name switch
    {
        "--audience" => " (sdm, end-user)",
        "--awareness" => " (new, emerging, established)",
        "--community" => " (yes, no)",
        "--metric" => " (id=value, e.g. --metric monthly_visitors=1200)",
        "--doing" => " (activity ids separated by commas, e.g. --doing seo,lead-qualification)",
        "--playbook" => " (a path to a playbook JSON file)",
        _ => string.Empty,
    };

    private delegate bool TryParse<T>(string? text, out T value);

    private static string? Set<T>(ref T? slot, string name, string value, TryParse<T> parse)
        where T : struct
    {
        if (slot is not null)
        {
            return $"{name} is given more than once";
        }

        if (!parse(value, out var parsed))
        {
            return $"unknown {name[2..]} '{value}'{Allowed(name)}";
        }

        slot = parsed;
        return null;
    }

    private static string? SetPath(ref string? slot, string value)
    {
        if (slot is not null)
        {
            return "--playbook is given more than once";
        }

        slot = value;
        return null;
    }

    private static string? AddMetric(ImmutableArray<(string, string)>.Builder metrics, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return $"--metric expects id=value, got '{value}'{Allowed("--metric")}";
        }

        metrics.Add((value[..equals].Trim(), value[(equals + 1)..].Trim()));
        return null;
    }

    private static string? AddDoing(ImmutableArray<string>.Builder doing, string value)
    {
        doing.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return null;
    }
}
