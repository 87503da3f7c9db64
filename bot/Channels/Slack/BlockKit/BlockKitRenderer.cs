using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Files;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.Slack.BlockKit;

/// <summary>
/// Renders the channel-neutral views as Slack Block Kit messages, by typed code (never text templates), within Slack's
/// limits (<see cref="BlockKitLimits"/>). Every message carries the plain-text rendering as its <c>text</c> (notifications,
/// screen readers). Buttons come from <see cref="ViewActions"/> (and the check-in views' own actions); a question is
/// answered by its choice buttons or its number field, in place.
/// Charts are images Slack must fetch by URL: each is published as a served file (an unguessable link that expires), not
/// uploaded: an upload needs the <c>files:write</c> scope and a three-call flow per chart, and posts a file message of its
/// own instead of an image inside the advice.
/// </summary>
internal sealed class BlockKitRenderer(ITextRenderer text, IServedFiles? files = null)
{
    /// <summary>How long a chart link lives (a week: the next check-in brings a new one).</summary>
    public static readonly TimeSpan ChartLifetime = TimeSpan.FromDays(7);

    /// <summary>The download button's action id: Slack also sends a block action when a link button is pressed; it is ignored.</summary>
    internal const string ExportActionId = "flywheel-download";

    public async Task<SlackMessage> RenderAsync(ViewModel view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var blocks = new List<JsonObject>();
        switch (view)
        {
            case WelcomeView w:
                blocks.Add(Bk.Header(ViewTexts.WelcomeTitle));
                blocks.Add(Bk.Section(ViewTexts.WelcomeWhat));
                blocks.Add(Bk.Section(ViewTexts.WelcomeHow));
                if (w.IsTeamChat)
                {
                    blocks.Add(Bk.Context(ViewTexts.WelcomeTeam));
                }

                break;
            case QuestionView q:
                Question(blocks, q);
                break;
            case AnsweredView a:
                blocks.Add(Bk.Context(a.Prompt));
                blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Bk.Markdown($":white_check_mark: *Answered:* {Bk.Escape(a.Answer)}") });
                break;
            case RecommendationView r:
                Recommendation(blocks, r);
                break;
            case StageWalkView s:
                blocks.Add(Bk.Header("How your flywheel looks"));
                foreach (var stage in s.Stages)
                {
                    var headline = (stage.IsBottleneck ? ":arrow_right: " : string.Empty) + $"*{Bk.Escape(ViewTexts.StageHeadline(stage))}*";
                    var evidence = string.Join("\n", stage.Evidence.Select(e => Bk.Escape(e)));
                    blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Bk.Markdown(evidence.Length == 0 ? headline : $"{headline}\n{evidence}") });
                }

                blocks.Add(Bk.Context(s.Reason));
                if (await WheelImage(s, cancellationToken) is { } wheel)
                {
                    blocks.Add(wheel);
                }

                break;
            case HelpView h:
                blocks.Add(Bk.Header("How I can help"));
                if (h.CurrentQuestion is { } current)
                {
                    blocks.Add(Bk.Context($"We are on: {current} (your place is kept)"));
                }

                blocks.Add(new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = Bk.Markdown(string.Join("\n", ViewTexts.Commands(h.IsTeamChat).Select(c => $"`{Bk.Escape(c.Command)}` {Bk.Escape(c.Meaning)}"))),
                });
                blocks.Add(Bk.Context("In Slack: `/flywheel` asks what to do next; `/flywheel help`, `start`, `learn`, `history`, `status`, `check in every Monday at 9`."));
                break;
            case TourStageView t:
                Tour(blocks, t);
                break;
            case TourAnswerView a:
                blocks.Add(Bk.Section(a.Feedback, a.Correct ? "Right." : "Not quite."));
                break;
            case NoticeView n:
                blocks.Add(new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = Bk.Markdown((n.Tone == NoticeTone.Warning ? ":warning: " : n.Tone == NoticeTone.Good ? ":white_check_mark: " : string.Empty) + Bk.Escape(n.Text)),
                });
                break;
            case TurnFailedView:
                blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Bk.Markdown($":warning: {Bk.Escape(TurnFailedView.Text)}") });
                break;
            case CheckInHistoryView h:
                await History(blocks, h, cancellationToken);
                break;
            case CheckInExportView e:
                Export(blocks, e);
                break;
            default:
                // Views of other features (check-ins): their plain text, in sections within the limit.
                foreach (var chunk in Chunks(text.Render(view), BlockKitLimits.SectionText - 100))
                {
                    blocks.Add(Bk.Section(chunk));
                }

                break;
        }

        AddButtons(blocks, view);
        return new SlackMessage(BlockKitLimits.Cut(text.Render(view), BlockKitLimits.NotificationText), Fit(blocks, BlockKitLimits.MessageBlocks));
    }

    /// <summary>The buttons a view offers on Slack: the neutral actions, minus answers that Slack takes through the question's own buttons and field.</summary>
    internal static ImmutableArray<ViewAction> ButtonsFor(ViewModel view)
    {
        var actions = ViewActions.For(view).AddRange(CheckInViewActions.For(view));
        return actions.Where(a => a.Command is not (ViewCommands.Answer or ViewCommands.Quiz or "checkin-answer" or "checkin-subscribe")).ToImmutableArray();
    }

    private static void AddButtons(List<JsonObject> blocks, ViewModel view)
    {
        var buttons = ButtonsFor(view);
        if (buttons.IsEmpty)
        {
            return;
        }

        blocks.Add(Bk.Actions("fw:actions", buttons.Select((a, i) => Bk.Button(a.Title, SlackActionIds.For(a, i), SlackActionIds.Value(a.Data), a.IsPrimary))));
    }

    private static void Question(List<JsonObject> blocks, QuestionView q)
    {
        blocks.Add(Bk.Context(ViewTexts.Progress(q.Progress)));
        if (q.Problem is { } problem)
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Bk.Markdown($":warning: {Bk.Escape(problem)}") });
        }

        blocks.Add(Bk.Section(q.Hint, q.Prompt));
        if (q.IsChoice && q.IsMultiSelect)
        {
            // Several may be picked: a menu (its picks stay in the message's state), then one button sends them.
            var done = Bk.Button(
                "Done",
                SlackActionIds.PickedAnswer,
                SlackActionIds.Value(Data((ViewData.Command, ViewCommands.Answer), (ViewData.Question, q.QuestionId), (ViewData.Value, string.Empty))),
                primary: true);
            var menu = Bk.MultiSelect(SlackActionIds.PickInput, "Pick all that apply", q.Choices.Select(c => (c.Label, c.Value)));
            blocks.Add(Bk.Actions(SlackActionIds.PickBlockPrefix + q.QuestionId, [menu, done]));
        }
        else if (q.IsChoice)
        {
            var choices = q.Choices.Select((c, i) => Bk.Button(
                c.Label,
                $"fw:a:c{i}",
                SlackActionIds.Value(Data((ViewData.Command, ViewCommands.Answer), (ViewData.Question, q.QuestionId), (ViewData.Value, c.Value))),
                primary: false));
            blocks.Add(Bk.Actions($"fw:choices:{q.QuestionId}", choices));
        }
        else
        {
            blocks.Add(Bk.NumberInput(
                SlackActionIds.QuestionBlockPrefix + q.QuestionId,
                SlackActionIds.AnswerInput,
                "Your answer (press Enter), or type it in the chat",
                q.Unit is { Length: > 0 } unit ? $"Unit: {unit}" : null,
                q.Min,
                q.Max,
                dispatch: true));
            if (q.Progress.Stage is >= 1 and <= 5)
            {
                var form = ViewAction.Of("Answer in a form", "(a form)", false, [.. SlackForms.OpenData(q.QuestionId, q.Progress.Stage).Select(p => (p.Key, p.Value))]);
                blocks.Add(Bk.Actions("fw:form", [Bk.Button(form.Title, "fw:n:form", SlackActionIds.Value(form.Data), primary: false)]));
            }
        }
    }

    private static void Recommendation(List<JsonObject> blocks, RecommendationView r)
    {
        blocks.Add(Bk.Context(r.Source ?? "Your next move"));
        blocks.Add(Bk.Header(r.ActivityTitle));
        blocks.Add(Bk.Section(
            r.BottleneckReason,
            r.IsOptimisation ? $"Optimise: {r.StageName} (stage {r.StageNumber} of 5). Nothing is on fire." : $"Bottleneck: {r.StageName} (stage {r.StageNumber} of 5)"));
        blocks.Add(Bk.Section(r.Why, "Why this"));
        if (r.Spoke is { } spoke)
        {
            blocks.Add(Bk.Context(spoke));
        }

        blocks.Add(Bk.Section(r.FirstStep, "First step this week"));
        blocks.Add(new JsonObject
        {
            ["type"] = "section",
            ["fields"] = new JsonArray(
                Bk.Markdown($"*Watch*\n{Bk.Escape(r.MetricToWatch)}", 2000),
                Bk.Markdown($"*Target*\n{Bk.Escape(r.Target)}", 2000),
                Bk.Markdown($"*Review on*\n{r.ReviewOn.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}", 2000)),
        });
        if (r.Goal is { } goal)
        {
            blocks.Add(r.GoalLink is { } link ? Bk.Section(link, goal) : Bk.Section(goal));
        }

        if (!r.Warnings.IsDefaultOrEmpty)
        {
            blocks.Add(Bk.Bullets("Check these numbers", r.Warnings));
        }

        if (r.Focus is { } focus)
        {
            blocks.Add(Bk.Section(focus, "Focus"));
        }

        if (!r.StopDoing.IsDefaultOrEmpty)
        {
            blocks.Add(Bk.Bullets("Stop doing for now", r.StopDoing.Select(s => $"{s.Title}: {s.Why}")));
        }

        if (!r.Assumptions.IsDefaultOrEmpty)
        {
            blocks.Add(Bk.Bullets("What I assumed", r.Assumptions));
        }
    }

    private static void Tour(List<JsonObject> blocks, TourStageView t)
    {
        blocks.Add(Bk.Context($"Flywheel tour: stage {t.Number} of {t.Count}"));
        blocks.Add(Bk.Header(t.Name));
        blocks.Add(Bk.Section(t.WhatItIs));
        blocks.Add(Bk.Bullets("Signs of health", t.Metrics));
        blocks.Add(Bk.Section(t.ForSdm, "Senior decision-makers"));
        blocks.Add(Bk.Section(t.ForEndUsers, "End users"));
        blocks.Add(Bk.Bullets("Top activities", t.TopActivities));
        blocks.Add(Bk.Section(t.Quiz, "Quick check"));
        blocks.Add(Bk.Actions($"fw:quiz:{t.StageId}", t.QuizChoices.Select((c, i) => Bk.Button(
            c.Label,
            $"fw:a:q{i}",
            SlackActionIds.Value(Data((ViewData.Command, ViewCommands.Quiz), (ViewData.Stage, t.StageId), (ViewData.Value, c.Value))),
            primary: false))));
    }

    private async Task History(List<JsonObject> blocks, CheckInHistoryView h, CancellationToken cancellationToken)
    {
        foreach (var chunk in Chunks(text.Render(h), BlockKitLimits.SectionText - 100))
        {
            blocks.Add(Bk.Section(chunk));
        }

        // The same picture the other channels show (bytes + alt text from the view), published as a served file.
        if (files is not null && h.MetricToWatch is { } metric && h.Picture() is { } chart)
        {
            var link = await files.PublishAsync(chart.Png, Views.Images.RenderedImage.ContentType, "trend.png", ChartLifetime, cancellationToken);
            blocks.Add(Bk.Image(link.Url, chart.AltText, metric.Label));
        }
    }

    /// <summary>
    /// The history export. With a link (the usual case) it is a file to download: a button opening the CSV the bot serves at
    /// an unguessable link that expires (<see cref="IServedFiles"/>, as for charts), not an upload through
    /// <c>files.getUploadURLExternal</c>/<c>files.completeUploadExternal</c>: an upload needs the <c>files:write</c> scope
    /// (every workspace would have to approve the app again) and three calls, and the served link is the same file Teams
    /// users get. Without a link (no public address known) the newest rows that fit, as preformatted text to copy.
    /// </summary>
    private static void Export(List<JsonObject> blocks, CheckInExportView e)
    {
        if (e.Link is { } link)
        {
            blocks.Add(Bk.Header($"History export: {e.Rows} row{(e.Rows == 1 ? string.Empty : "s")}"));
            var section = Bk.Section("CSV, one row per snapshot; opens in any spreadsheet.", e.FileName);
            var download = Bk.Button($"Download {e.FileName}", ExportActionId, "download", primary: true);
            download["url"] = link.AbsoluteUri;
            section["accessory"] = download;
            blocks.Add(section);
            if (e.LinkExpiresAt is { } at)
            {
                blocks.Add(Bk.Context($"The link works until {at.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC; ask for \"export\" again for a new one."));
            }

            return;
        }

        var note = e.Truncated ? " (the newest rows that fit in a message; older rows are missing)" : string.Empty;
        blocks.Add(Bk.Header($"History export: {e.Rows} row{(e.Rows == 1 ? string.Empty : "s")}"));
        blocks.Add(Bk.Context($"CSV ({e.FileName}){note}; copy it into a spreadsheet."));
        foreach (var chunk in Chunks(e.Csv, BlockKitLimits.SectionText - 300))
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Bk.Markdown($"```{Bk.Escape(chunk)}```") });
        }
    }

    /// <summary>The flywheel picture of a stage walk as an image block (served at an unguessable, expiring URL); null without served files.</summary>
    internal async Task<JsonObject?> WheelImage(StageWalkView walk, CancellationToken cancellationToken)
    {
        if (files is null || walk.Wheel is not { } wheel)
        {
            return null;
        }

        var link = await files.PublishAsync(wheel.Png, Views.Images.RenderedImage.ContentType, "flywheel.png", ChartLifetime, cancellationToken);
        return Bk.Image(link.Url, wheel.AltText, "Your flywheel");
    }

    private static ImmutableSortedDictionary<string, string> Data(params (string Key, string Value)[] pairs) =>
        pairs.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>At most <paramref name="max"/> blocks; when cut, the last says so.</summary>
    internal static JsonArray Fit(List<JsonObject> blocks, int max)
    {
        if (blocks.Count > max)
        {
            var actions = blocks[^1]["type"]?.GetValue<string>() == "actions" ? blocks[^1] : null;
            var keep = max - 1 - (actions is null ? 0 : 1);
            var cut = blocks.Take(keep).ToList();
            cut.Add(Bk.Context("(shortened to fit one Slack message)"));
            if (actions is not null)
            {
                cut.Add(actions);
            }

            blocks = cut;
        }

        return new JsonArray(blocks.Select(b => (JsonNode)b).ToArray());
    }

    internal static IEnumerable<string> Chunks(string text, int size)
    {
        var rest = text.Trim();
        while (rest.Length > size)
        {
            var cut = rest.LastIndexOf('\n', size);
            if (cut <= 0)
            {
                cut = size;
            }

            yield return rest[..cut];
            rest = rest[cut..].TrimStart('\n');
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }
}
