using System.Text.Json;
using FlywheelBot.Flywheel.Campaigns;
using FlywheelBot.Flywheel.Goals;

namespace FlywheelBot.Flywheel.Cli;

/// <summary>
/// <c>plan</c>: a campaign's program flywheel on the command line: one goal, one activity per stage. Exit codes:
/// 0 plan printed (or --help), 1 the playbook is broken, 2 bad input (one line on the error stream: two goals, an
/// unknown metric, a date in the past, a missing or unknown option; usage when there are no arguments).
/// </summary>
internal static class PlanCommand
{
    public const string Usage = """
        Usage: plan --goal <metric>=<target> --by <yyyy-mm-dd> --audience sdm|end-user --awareness new|emerging|established [options]

        Gives a campaign its own program flywheel: one measurable goal and one activity per stage, tailored to the goal.

        Options:
          --goal metric=target     the campaign's one goal, e.g. --goal leads=50 (one --goal only)
          --by yyyy-mm-dd          the date to reach it by (today or later)
          --name text              the campaign's name (default: the goal)
          --json                   print a JSON document instead of text
          --playbook path          use your own playbook file instead of the built-in one
          --help                   show this help

        Exit codes: 0 plan printed, 1 the playbook is broken, 2 bad input.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(time);
        if (args.Length == 0)
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (args.Any(a => a is "--help" or "-h"))
        {
            output.WriteLine(Usage);
            return 0;
        }

        var (request, problem) = PlanArguments.Parse(args);
        if (request is null)
        {
            error.WriteLine($"plan: {problem}");
            return 2;
        }

        if (CliPlaybook.Load(request.PlaybookPath, error) is not { } playbook)
        {
            return 1;
        }

        if (!playbook.TryGetMetric(request.MetricId, out var metric))
        {
            error.WriteLine($"plan: unknown metric '{request.MetricId}' in --goal (allowed: {string.Join(", ", playbook.Metrics.Select(m => m.Id))})");
            return 2;
        }

        var target = MetricValueParser.Parse(metric, request.TargetText);
        if (target.Value is not { } value)
        {
            error.WriteLine($"plan: --goal {metric.Id}: {target.Error}");
            return 2;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (GoalRules.Problem(playbook, metric.Id, value, request.By, today) is { } invalid)
        {
            error.WriteLine($"plan: {invalid}");
            return 2;
        }

        var goal = new FlywheelGoal(metric.Id, value, request.By);
        var plan = CampaignPlanner.Plan(playbook, request.Name, goal, DiagnosisInput.Create(request.Audience, request.Awareness));
        if (request.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(CampaignDocument.From(plan), FlywheelJsonContext.Readable.CampaignDocument));
        }
        else
        {
            Write(plan, playbook, output);
        }

        return 0;
    }

    private static void Write(CampaignPlan plan, Playbook playbook, TextWriter output)
    {
        var metric = playbook.Metric(plan.Goal.MetricId);
        output.WriteLine($"Campaign: {plan.Name}");
        output.WriteLine($"Goal: {metric.Label} {MetricText.Value(metric, plan.Goal.Target)} by {GoalRules.Date(plan.Goal.By)} [{metric.Id}]");
        output.WriteLine($"For: {FlywheelIds.Of(plan.Audience)}, market awareness {FlywheelIds.Of(plan.Awareness)}");
        output.WriteLine();
        var n = 1;
        foreach (var step in plan.Stages)
        {
            var spoke = step.Spoke is { } s ? $", spoke {s}" : string.Empty;
            output.WriteLine($"{n++}. {playbook.Stage(step.Stage).Title}: {step.Title} [{step.ActivityId}{spoke}]");
            output.WriteLine($"   Why: {step.Why}");
            output.WriteLine($"   Watch: {step.MetricId}");
        }
    }
}
