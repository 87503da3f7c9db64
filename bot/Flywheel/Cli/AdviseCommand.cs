using System.Text.Json;

namespace FlywheelBot.Flywheel.Cli;

/// <summary>
/// <c>advise</c>: one diagnosis on the command line, no host and no storage. Exit codes: 0 advice printed (or --help),
/// 1 the playbook is broken (the message names file, path and problem), 2 bad input or no arguments (one line on the
/// error stream naming the problem and the allowed values; usage when there are no arguments).
/// </summary>
internal static class AdviseCommand
{
    public const string Usage = """
        Usage: advise --audience sdm|end-user --awareness new|emerging|established [options]

        Finds the flywheel stage that holds your marketing back and recommends the ONE next activity.

        Options:
          --community yes|no       end users only: does a community of your users exist? (default: unknown)
          --metric id=value        a metric you know; repeat for more. Examples:
                                     --metric monthly_visitors=1,200  --metric visitor_to_lead_pct=2.5%  --metric nps=-5
          --doing a,b              activities you are doing now (e.g. seo,lead-qualification), to get a stop-doing list
          --json                   print a JSON document instead of text
          --playbook path          use your own playbook file instead of the built-in one
          --help                   show this help

        Exit codes: 0 advice printed, 1 the playbook is broken, 2 bad input.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0)
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (AdviseArguments.WantsHelp(args))
        {
            output.WriteLine(Usage);
            output.WriteLine(KnownIds(TryLoad(null)));
            return 0;
        }

        var (request, problem) = AdviseArguments.Parse(args);
        if (request is null)
        {
            error.WriteLine($"advise: {problem}");
            return 2;
        }

        if (CliPlaybook.Load(request.PlaybookPath, error) is not { } playbook)
        {
            return 1;
        }

        var (input, invalid) = AdviseInputBuilder.Build(request, playbook);
        if (input is null)
        {
            error.WriteLine($"advise: {invalid}");
            return 2;
        }

        var diagnosis = new DiagnosisEngine(playbook).Diagnose(input);
        if (request.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(DiagnosisDocument.From(diagnosis), FlywheelJsonContext.Readable.DiagnosisDocument));
        }
        else
        {
            AdviseTextWriter.Write(diagnosis, playbook, output);
        }

        return 0;
    }

    private static Playbook? TryLoad(string? path)
    {
        try
        {
            return PlaybookLoader.Load(path);
        }
        catch (PlaybookException)
        {
            return null;
        }
    }

    private static string KnownIds(Playbook? playbook) => playbook is null
        ? string.Empty
        : $"""

          Metric ids: {string.Join(", ", playbook.Metrics.Select(m => m.Id))}
          Activity ids: {string.Join(", ", playbook.Activities.Select(a => a.Id))}
          """;
}
