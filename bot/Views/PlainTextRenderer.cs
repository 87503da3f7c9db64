using System.Globalization;
using System.Text;

namespace FlywheelBot.Views;

/// <summary>
/// Renders every view as plain text: for the terminal, for clients without cards, and as each card's fallback text.
/// Choices are numbered (typing the number answers), buttons become "type X" hints.
/// Views of other features are rendered by their registered <see cref="ITextContributor"/>.
/// </summary>
internal sealed class PlainTextRenderer(IEnumerable<ITextContributor> contributors) : ITextRenderer
{
    public PlainTextRenderer()
        : this([])
    {
    }

    public string Render(ViewModel view)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var contributor in contributors)
        {
            if (contributor.TryRender(view, out var contributed))
            {
                return contributed;
            }
        }

        var text = new StringBuilder();
        switch (view)
        {
            case WelcomeView w:
                Line(text, ViewTexts.WelcomeTitle);
                Line(text, ViewTexts.WelcomeWhat);
                Line(text, ViewTexts.WelcomeHow);
                if (w.IsTeamChat)
                {
                    Line(text, ViewTexts.WelcomeTeam);
                }

                break;
            case QuestionView q:
                Question(text, q);
                break;
            case AnsweredView a:
                Line(text, $"{a.Prompt} Answered: {a.Answer}");
                break;
            case RecommendationView r:
                Recommendation(text, r);
                break;
            case StageWalkView s:
                Line(text, "How your flywheel looks");
                foreach (var stage in s.Stages)
                {
                    Line(text, (stage.IsBottleneck ? "> " : "  ") + ViewTexts.StageHeadline(stage));
                    foreach (var evidence in stage.Evidence)
                    {
                        Line(text, $"     {evidence}");
                    }
                }

                Line(text, s.Reason);
                break;
            case HelpView h:
                Help(text, h);
                break;
            case TourStageView t:
                Tour(text, t);
                break;
            case TourAnswerView a:
                Line(text, a.Correct ? "Right." : "Not quite.");
                Line(text, a.Feedback);
                break;
            case NoticeView n:
                Line(text, n.Text);
                break;
            case TurnFailedView:
                Line(text, TurnFailedView.Text);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(view), view.GetType().Name, "No text for this view.");
        }

        Hints(text, view);
        return text.ToString().TrimEnd();
    }

    private static void Question(StringBuilder text, QuestionView q)
    {
        Line(text, $"[{ViewTexts.Progress(q.Progress)}]");
        if (q.Problem is { } problem)
        {
            Line(text, problem);
        }

        Line(text, q.Prompt);
        Line(text, q.Hint);
        for (var i = 0; i < q.Choices.Length; i++)
        {
            Line(text, $"  {i + 1}) {q.Choices[i].Label}");
        }
    }

    private static void Recommendation(StringBuilder text, RecommendationView r)
    {
        Line(text, r.Source ?? "Your next move");
        Line(text, $"Do this next: {r.ActivityTitle}");
        Line(text, r.Headline);
        Line(text, r.BottleneckReason);
        Line(text, $"Why this: {r.Why}");
        if (r.Spoke is { } spoke)
        {
            Line(text, spoke);
        }

        Line(text, $"First step this week: {r.FirstStep}");
        Line(text, $"Watch: {r.MetricToWatch}. Target: {r.Target.TrimEnd('.')}. Review on {r.ReviewOn.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}.");
        if (r.Goal is { } goal)
        {
            Line(text, r.GoalLink is { } link ? $"{goal} {link}" : goal);
        }

        if (!r.Warnings.IsDefaultOrEmpty)
        {
            Line(text, "Check these numbers:");
            foreach (var warning in r.Warnings)
            {
                Line(text, $"  - {warning}");
            }
        }

        if (r.Focus is { } focus)
        {
            Line(text, $"Focus: {focus}");
        }

        if (!r.StopDoing.IsDefaultOrEmpty)
        {
            Line(text, "Stop doing for now:");
            foreach (var stop in r.StopDoing)
            {
                Line(text, $"  - {stop.Title}: {stop.Why}");
            }
        }

        if (!r.Assumptions.IsDefaultOrEmpty)
        {
            Line(text, "What I assumed:");
            foreach (var assumption in r.Assumptions)
            {
                Line(text, $"  - {assumption}");
            }
        }
    }

    private static void Help(StringBuilder text, HelpView h)
    {
        Line(text, "How I can help");
        if (h.CurrentQuestion is { } question)
        {
            Line(text, $"We are on: {question} (your place is kept)");
        }

        foreach (var command in ViewTexts.Commands(h.IsTeamChat))
        {
            Line(text, $"  {command.Command,-24} {command.Meaning}");
        }
    }

    private static void Tour(StringBuilder text, TourStageView t)
    {
        Line(text, $"[Flywheel tour: stage {t.Number} of {t.Count}] {t.Name}");
        Line(text, t.WhatItIs);
        Line(text, "Signs of health:");
        foreach (var metric in t.Metrics)
        {
            Line(text, $"  - {metric}");
        }

        Line(text, $"Senior decision-makers: {t.ForSdm}");
        Line(text, $"End users: {t.ForEndUsers}");
        Line(text, "Top activities:");
        foreach (var activity in t.TopActivities)
        {
            Line(text, $"  - {activity}");
        }

        Line(text, $"Quick check (answer with a number): {t.Quiz}");
        for (var i = 0; i < t.QuizChoices.Length; i++)
        {
            Line(text, $"  {i + 1}) {t.QuizChoices[i].Label}");
        }
    }

    private static void Hints(StringBuilder text, ViewModel view)
    {
        var hints = ViewActions.For(view)
            .Where(a => !a.Typed.StartsWith('('))
            .Select(a => a.Typed == a.Title.ToLowerInvariant() ? a.Typed : $"{a.Typed} ({a.Title.ToLowerInvariant()})")
            .ToList();
        if (hints.Count > 0)
        {
            Line(text, $"You can type: {string.Join(", ", hints)}.");
        }
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
