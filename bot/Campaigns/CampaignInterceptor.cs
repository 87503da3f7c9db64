using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.CheckIns;
using FlywheelBot.Conversations;
using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Campaigns;
using FlywheelBot.Flywheel.Goals;
using FlywheelBot.Views;

namespace FlywheelBot.Campaigns;

/// <summary>
/// The team's one measurable goal and its campaigns in chat: "goal" (show), "goal 50 leads a month by 31 March" (set;
/// a new goal replaces the old one only after a confirmation), "replace goal …", "campaign Spring launch: 50 leads by
/// 31 March" (a campaign with its own program flywheel and goal), "campaigns" (running ones with progress) and
/// "end campaign Spring launch". Goals and campaigns live on the team profile; everything else passes through.
/// </summary>
internal sealed partial class CampaignInterceptor(ITeamProfileStore profiles, ICheckInAdvice advice, TimeProvider clock) : ITurnInterceptor
{
    public const string ReplaceCommand = "goal-replace";
    public const string KeepCommand = "goal-keep";

    public async Task<TurnOutput?> TryHandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (advice.Playbook is not { } playbook)
        {
            return null;
        }

        var cmd = turn.Values.GetValueOrDefault(ViewData.Command);
        if (cmd == KeepCommand)
        {
            return Answer(turn, NoticeView.Say("Kept the current goal."));
        }

        if (cmd == ReplaceCommand)
        {
            var spec = $"{turn.Values.GetValueOrDefault("metric")}={turn.Values.GetValueOrDefault("target")} by {turn.Values.GetValueOrDefault("by")}";
            return Answer(turn, await SetGoalAsync(turn.ConversationKey, playbook, spec, replace: true, cancellationToken));
        }

        if (cmd is not null)
        {
            return null;
        }

        var text = Normalize(turn.Text);
        if (ShowGoal().IsMatch(text))
        {
            return TurnOutput.Of(await ShowGoalAsync(turn.ConversationKey, playbook, cancellationToken));
        }

        if (ReplaceGoal().Match(text) is { Success: true } replace)
        {
            return TurnOutput.Of(await SetGoalAsync(turn.ConversationKey, playbook, replace.Groups["spec"].Value, replace: true, cancellationToken));
        }

        if (SetGoal().Match(text) is { Success: true } set)
        {
            return TurnOutput.Of(await SetGoalAsync(turn.ConversationKey, playbook, set.Groups["spec"].Value, replace: false, cancellationToken));
        }

        if (ListCampaigns().IsMatch(text))
        {
            return TurnOutput.Of(await ListAsync(turn.ConversationKey, playbook, cancellationToken));
        }

        if (EndCampaign().Match(text) is { Success: true } end)
        {
            return TurnOutput.Of(await EndAsync(turn.ConversationKey, end.Groups["name"].Value, cancellationToken));
        }

        if (StartCampaign().Match(text) is { Success: true } start)
        {
            return TurnOutput.Of(await StartAsync(turn.ConversationKey, playbook, start.Groups["name"].Value, start.Groups["spec"].Value, cancellationToken));
        }

        return null;
    }

    private static TurnOutput Answer(InboundTurn turn, ViewModel view) =>
        turn.Kind == TurnKind.AnswerInPlace ? new TurnOutput([], view) : TurnOutput.Of(view);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<ViewModel> ShowGoalAsync(string key, Playbook playbook, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(key, ct);
        if (profile?.Goal is not { } goal || !playbook.TryGetMetric(goal.MetricId, out _))
        {
            return NoticeView.Say("No goal yet. A flywheel keeps its tactics on one measurable goal: say e.g. \"goal 50 leads a month by 31 March\".");
        }

        return NoticeView.Say(Progress(playbook, profile, goal).Text);
    }

    private async Task<ViewModel> SetGoalAsync(string key, Playbook playbook, string spec, bool replace, CancellationToken ct)
    {
        var read = GoalSpec.TryRead(spec, Today, Resolve, out var problem);
        if (read is not { } parsed)
        {
            return NoticeView.Say(problem!, NoticeTone.Warning);
        }

        var metric = playbook.Metric(parsed.MetricId);
        if (MetricValueParser.Parse(metric, parsed.TargetText) is not { Value: { } target } || GoalRules.Problem(playbook, metric.Id, target, parsed.By, Today) is { } invalid)
        {
            var reason = MetricValueParser.Parse(metric, parsed.TargetText).Error
                ?? GoalRules.Problem(playbook, metric.Id, MetricValueParser.Parse(metric, parsed.TargetText).Value ?? 0, parsed.By, Today);
            return NoticeView.Say($"I can't set that goal: {reason}.", NoticeTone.Warning);
        }

        var current = await profiles.GetAsync(key, ct);
        var goal = new FlywheelGoal(metric.Id, target, parsed.By, current?.Metrics.TryGetValue(metric.Id, out var now) == true ? now : null);
        if (current is null)
        {
            return NoticeView.Say("I don't know your team yet. Answer a few questions first (say \"start\"), then set the goal.");
        }

        if (!replace && current.Goal is { } existing && existing with { Baseline = null } != goal with { Baseline = null })
        {
            var by = goal.By.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var typed = $"replace goal {metric.Id}={MetricText.Number(target)} by {by}";
            return new NoticeView(
                $"Your flywheel already has a goal ({Describe(playbook, existing)}). One goal at a time: replace it with {Describe(playbook, goal)}?",
                [
                    ViewAction.Of("Replace the goal", typed, true, (ViewData.Command, ReplaceCommand), ("metric", metric.Id), ("target", MetricText.Number(target).Replace(",", string.Empty, StringComparison.Ordinal)), ("by", by)) with { AnswersCard = true },
                    ViewAction.Of("Keep the current goal", "goal", false, (ViewData.Command, KeepCommand)) with { AnswersCard = true },
                ]);
        }

        var saved = await profiles.UpdateAsync(key, p => (p ?? current) with { Goal = goal }, ct);
        return NoticeView.Say($"Goal set: {Describe(playbook, goal)}. Every recommendation and check-in now shows progress toward it. {Progress(playbook, saved, goal).Text}", NoticeTone.Good);
    }

    private async Task<ViewModel> StartAsync(string key, Playbook playbook, string name, string spec, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(key, ct);
        if (profile is null)
        {
            return NoticeView.Say("I don't know your team yet. Answer a few questions first (say \"start\"), then plan a campaign.");
        }

        var read = GoalSpec.TryRead(spec, Today, Resolve, out var problem);
        if (read is not { } parsed)
        {
            return NoticeView.Say($"{problem} A campaign is written like \"campaign Spring launch: 50 leads by 31 March\".", NoticeTone.Warning);
        }

        var metric = playbook.Metric(parsed.MetricId);
        var value = MetricValueParser.Parse(metric, parsed.TargetText);
        if (value.Value is not { } target || GoalRules.Problem(playbook, metric.Id, target, parsed.By, Today) is { } invalid2)
        {
            return NoticeView.Say($"I can't plan that campaign: {value.Error ?? GoalRules.Problem(playbook, metric.Id, value.Value ?? 0, parsed.By, Today)}.", NoticeTone.Warning);
        }

        var title = name.Trim();
        var id = CampaignIds.Slug(title);
        if (id.Length == 0 || title.Length > 80)
        {
            return NoticeView.Say("Give the campaign a short name (up to 80 characters), e.g. \"campaign Spring launch: 50 leads by 31 March\".", NoticeTone.Warning);
        }

        if (profile.Campaigns.Any(c => c.IsRunning && c.Id == id))
        {
            return NoticeView.Say($"A campaign called \"{title}\" is already running. End it first (\"end campaign {title}\") or pick another name.", NoticeTone.Warning);
        }

        var goal = new FlywheelGoal(metric.Id, target, parsed.By, profile.Metrics.TryGetValue(metric.Id, out var now) ? now : null);
        var plan = CampaignPlanner.Plan(playbook, title, goal, profile.ToDiagnosisInput());
        var campaign = new Campaign(id, plan, clock.GetUtcNow());
        await profiles.UpdateAsync(key, p => (p ?? profile) with { Campaigns = [.. (p ?? profile).Campaigns.Where(c => c.Id != id || c.IsRunning), campaign] }, ct);
        return new NoticeView(CampaignText.Plan(playbook, plan), [ViewAction.Of("Our campaigns", "campaigns", false, (ViewData.Command, "campaigns"))]);
    }

    private async Task<ViewModel> ListAsync(string key, Playbook playbook, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(key, ct);
        var running = profile?.Campaigns.Where(c => c.IsRunning).ToList() ?? [];
        if (profile is null || running.Count == 0)
        {
            return NoticeView.Say("No campaigns running. Plan one with \"campaign Spring launch: 50 leads by 31 March\": it gets its own flywheel, goal and check-in.");
        }

        var text = new StringBuilder($"Running campaigns ({running.Count}):");
        foreach (var campaign in running)
        {
            text.Append("\n\n").Append(campaign.Plan.Name).Append(": ").Append(Progress(playbook, profile, campaign.Plan.Goal).Text);
        }

        return NoticeView.Say(text.ToString());
    }

    private async Task<ViewModel> EndAsync(string key, string name, CancellationToken ct)
    {
        var id = CampaignIds.Slug(name);
        var profile = await profiles.GetAsync(key, ct);
        if (profile?.Campaigns.FirstOrDefault(c => c.IsRunning && c.Id == id) is not { } campaign)
        {
            return NoticeView.Say($"There is no running campaign called \"{name.Trim()}\". Say \"campaigns\" to see them.", NoticeTone.Warning);
        }

        var ended = clock.GetUtcNow();
        await profiles.UpdateAsync(key, p => (p ?? profile) with { Campaigns = [.. (p ?? profile).Campaigns.Select(c => c.Id == id && c.IsRunning ? c with { EndedAt = ended } : c)] }, ct);
        return NoticeView.Say($"Ended the campaign \"{campaign.Plan.Name}\". Its history stays; check-ins stop asking for its goal.", NoticeTone.Good);
    }

    private GoalProgress Progress(Playbook playbook, TeamProfile profile, FlywheelGoal goal) =>
        GoalProgress.Of(playbook, goal, profile.Metrics.TryGetValue(goal.MetricId, out var v) ? v : null, Today);

    private static string Describe(Playbook playbook, FlywheelGoal goal)
    {
        var metric = playbook.Metric(goal.MetricId);
        return $"{metric.Label} {MetricText.Value(metric, goal.Target)} by {GoalRules.Date(goal.By)}";
    }

    private bool Resolve(string name, out string metricId)
    {
        var found = advice.TryResolveMetric(name, out var id);
        metricId = id ?? string.Empty;
        return found;
    }

    private static string Normalize(string? text) =>
        Spaces().Replace((text ?? string.Empty).Replace('\u2019', '\'').Trim(), " ");

    [GeneratedRegex(@"^(?:show (?:our |the )?goal|(?:our |the )?goal|what'?s (?:our|the) goal|what is (?:our|the) goal)\??$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShowGoal();

    [GeneratedRegex(@"^(?:set (?:our |the |a )?goal(?: to)?|(?:our |the )?goal(?: is)?|new goal)\s*:?\s+(?<spec>.*\d.*\sby\s.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SetGoal();

    [GeneratedRegex(@"^replace (?:our |the )?goal(?: with)?\s*:?\s+(?<spec>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplaceGoal();

    [GeneratedRegex(@"^(?:list (?:our |the )?campaigns|(?:our |the )?campaigns)\??$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListCampaigns();

    [GeneratedRegex(@"^(?:end|stop|finish|close) (?:the )?campaign\s+(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndCampaign();

    [GeneratedRegex(@"^(?:start |new |plan )?(?:a )?campaign\s+(?<name>[^:]+?)\s*:\s*(?<spec>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartCampaign();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
