using System.Collections.Immutable;
using FlywheelBot.Conversations;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// The interview's moves: ask, answer, re-ask, skip, back, finish. Pure: every method maps the state it is given
/// to a <see cref="TurnResult"/>.
/// </summary>
internal sealed class InterviewFlow(IFlywheelGuide guide, AdviceViews advice, AdvisorPolicy policy)
{
    private const int MaxEcho = 40;

    public InterviewStep? Current(InterviewState interview, AdvisorInput input) =>
        InterviewWalk.Next(interview, guide, Doing(interview, input));

    /// <summary>Shows the current question (or finishes when nothing is left), after <paramref name="before"/>.</summary>
    public TurnResult Continue(ConversationState state, InterviewState interview, AdvisorInput input, DateTimeOffset now, ImmutableArray<ViewModel> before, ViewModel? replace = null)
    {
        var step = Current(interview, input);
        if (step is null)
        {
            return Finish(state, interview, input, now, before, replace);
        }

        var next = state with { Mode = ConversationMode.Interview, Interview = interview };
        return new TurnResult(next, new TurnOutput(before.Add(Question(step, interview, null)), replace));
    }

    public TurnResult Answer(ConversationState state, InterviewState interview, Intent intent, AdvisorInput input, DateTimeOffset now) =>
        Answer(state, interview, intent, input, now, Current(interview, input));

    /// <summary>Answers <paramref name="step"/>, the <see cref="Current"/> question of the interview (already worked out by the caller).</summary>
    public TurnResult Answer(ConversationState state, InterviewState interview, Intent intent, AdvisorInput input, DateTimeOffset now, InterviewStep? step)
    {
        if (step is null)
        {
            return Finish(state, interview, input, now, [], null);
        }

        if (intent.FromCard && !string.Equals(intent.Question, step.QuestionId, StringComparison.Ordinal))
        {
            return Continue(state, interview, input, now, [NoticeView.Say("That card is from an earlier question. Here is where we are now.")]);
        }

        var text = intent.Value ?? string.Empty;
        if (TryRead(step, text, out var resolved, out var display))
        {
            var answered = resolved(interview) with { History = interview.History.Add(step.QuestionId), Misses = 0 };
            return Continue(state, answered, input, now, [], Replacement(input, step, display));
        }

        var misses = interview.Misses + 1;
        if (misses >= policy.MaxMisses)
        {
            var gaveUp = interview with
            {
                History = interview.History.Add(step.QuestionId),
                GaveUp = interview.GaveUp.Add(step.QuestionId),
                Misses = 0,
            };
            var notice = NoticeView.Say($"I still could not read that, so I will skip \"{Short(step.Prompt)}\" and say what I assumed in the advice.", NoticeTone.Warning);
            return Continue(state, gaveUp, input, now, [notice], Replacement(input, step, "skipped"));
        }

        var reask = Question(step, interview, Problem(step, text));
        return new TurnResult(
            state with { Mode = ConversationMode.Interview, Interview = interview with { Misses = misses } },
            TurnOutput.Of(reask));
    }

    public TurnResult Skip(ConversationState state, InterviewState interview, Intent intent, AdvisorInput input, DateTimeOffset now)
    {
        var step = Current(interview, input);
        if (step is null)
        {
            return Finish(state, interview, input, now, [], null);
        }

        if (intent.Question is { } question && !string.Equals(question, step.QuestionId, StringComparison.Ordinal))
        {
            return Continue(state, interview, input, now, [NoticeView.Say("That card is from an earlier question. Here is where we are now.")]);
        }

        var skipped = interview with
        {
            History = interview.History.Add(step.QuestionId),
            Skipped = interview.Skipped.Add(step.QuestionId),
            Misses = 0,
        };
        return Continue(state, skipped, input, now, [], Replacement(input, step, "skipped"));
    }

    public TurnResult Back(ConversationState state, InterviewState interview, AdvisorInput input, DateTimeOffset now)
    {
        if (interview.History.IsEmpty)
        {
            return Continue(state, interview, input, now, [NoticeView.Say("This is the first question.")]);
        }

        var last = interview.History[^1];
        var previous = BasicQuestions.Clear(interview, last) with
        {
            History = interview.History.RemoveAt(interview.History.Count - 1),
            Skipped = interview.Skipped.Remove(last),
            GaveUp = interview.GaveUp.Remove(last),
            Misses = 0,
        };
        return Continue(state, previous, input, now, []);
    }

    /// <summary>Records a metric given ahead of its question ("visitors are 5,400") and carries on.</summary>
    public TurnResult Prefill(ConversationState state, InterviewState interview, MetricQuestion metric, decimal value, AdvisorInput input, DateTimeOffset now)
    {
        var noted = interview with { Metrics = guide.Report(interview.Metrics, metric.Id, value) };
        return Continue(state, noted, input, now, [NoticeView.Say($"Noted: {metric.Phrase(value)}.", NoticeTone.Good)]);
    }

    public QuestionView Question(InterviewStep step, InterviewState interview, string? problem)
    {
        var progress = step.Stage is { } stage
            ? new QuestionProgress(StageNames.Number(stage), StageNames.Count, StageNames.Of(stage))
            : new QuestionProgress(0, StageNames.Count, step.QuestionId == BasicQuestions.DoingId ? "What you do now" : "About your team");
        return step.Basic is { } basic
            ? new QuestionView(step.QuestionId, basic.Prompt, basic.Hint, progress, basic.Choices, null, problem, !interview.History.IsEmpty) { IsMultiSelect = step.QuestionId == BasicQuestions.DoingId }
            : new QuestionView(step.QuestionId, step.Metric!.Question, MetricHint(step.Metric), progress, [], step.Metric.Unit, problem, !interview.History.IsEmpty, step.Metric.Min, step.Metric.Max);
    }

    private TurnResult Finish(ConversationState state, InterviewState interview, AdvisorInput input, DateTimeOffset now, ImmutableArray<ViewModel> before, ViewModel? replace)
    {
        var diagnosisInput = interview.ToInput(Doing(interview, input));
        var diagnosis = guide.Diagnose(diagnosisInput);
        var view = advice.Recommendation(diagnosis, now, Notes(interview, diagnosis), source: null, input.Profile?.Goal);
        return new TurnResult(
            state with { Mode = ConversationMode.Idle, Interview = null },
            new TurnOutput(before.Add(view), replace),
            ProfileChange.FromInterview(diagnosisInput, now) with { DoingAnswered = interview.Doing is not null },
            diagnosis,
            "interview");
    }

    private IEnumerable<string> Notes(InterviewState interview, Diagnosis diagnosis)
    {
        bool Missed(string id) => interview.Skipped.Contains(id) || interview.GaveUp.Contains(id);
        if (Missed(BasicQuestions.AudienceId))
        {
            yield return "Audience: no answer, so I assumed senior decision-makers.";
        }

        if (Missed(BasicQuestions.AwarenessId))
        {
            yield return "Market awareness: no answer, so I assumed an emerging market (some recognition).";
        }

        if (Missed(BasicQuestions.CommunityId))
        {
            yield return "User community: no answer, so I did not count on one.";
        }

        foreach (var id in interview.GaveUp.Where(id => BasicQuestions.Find(id) is null && id != BasicQuestions.DoingId).Order(StringComparer.Ordinal))
        {
            yield return $"{advice.MetricLabel(id)}: I could not read your answers, so I left it out.";
        }

        var explained = diagnosis.Missing.Select(m => m.MetricId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in interview.Skipped.Where(id => BasicQuestions.Find(id) is null && id != BasicQuestions.DoingId && !explained.Contains(id)).Order(StringComparer.Ordinal))
        {
            yield return $"{advice.MetricLabel(id)}: skipped, so this advice does not count it.";
        }
    }

    private bool TryRead(InterviewStep step, string text, out Func<InterviewState, InterviewState> apply, out string display)
    {
        if (step.QuestionId == BasicQuestions.DoingId && step.Basic is { } doingQuestion)
        {
            var read = TryReadDoing(doingQuestion, text, out var doing);
            apply = i => i with { Doing = doing };
            display = doing.IsEmpty
                ? "Not sure / nothing yet"
                : string.Join(", ", doingQuestion.Choices.Where(c => doing.Contains(c.Value)).Select(c => c.Label));
            return read;
        }

        if (step.Basic is { } basic)
        {
            var value = basic.Match(text);
            apply = value is null ? (i => i) : (i => BasicQuestions.Apply(i, basic.Id, value));
            display = value is null ? string.Empty : basic.LabelOf(value);
            return value is not null;
        }

        var metric = step.Metric!;
        if (!string.IsNullOrWhiteSpace(text) && guide.TryParseValue(metric, text, out var number))
        {
            apply = i => i with { Metrics = guide.Report(i.Metrics, metric.Id, number) };
            display = metric.Format(number);
            return true;
        }

        apply = i => i;
        display = string.Empty;
        return false;
    }

    private static ViewModel? Replacement(AdvisorInput input, InterviewStep step, string answer) =>
        input.Kind == TurnKind.AnswerInPlace ? new AnsweredView(step.Prompt, answer) : null;

    private static string Problem(InterviewStep step, string text)
    {
        var echo = string.IsNullOrWhiteSpace(text) ? "an empty answer" : $"\"{Short(text)}\"";
        if (step.QuestionId == BasicQuestions.DoingId)
        {
            return $"I could not match {echo} to what you do now. Pick all that apply, or type them (\"seo and webinars\") or \"not sure\".";
        }

        return step.Basic is { } basic
            ? $"I could not match {echo} to a choice. Pick one of the {basic.Choices.Length} options or type its number."
            : step.Metric!.IsPercent
                ? $"I could not read {echo} as a percentage. Type something like 12% or 12.5, or \"skip\"."
                : $"I could not read {echo} as a number. Type something like 1,200 or \"about 2k\", or \"skip\".";
    }

    private static string MetricHint(MetricQuestion metric) => metric.IsPercent
        ? "A percentage, like 12% or 12.5. Not sure? Say \"skip\"."
        : $"A number ({metric.Unit}); \"about 2k\" works too. Not sure? Say \"skip\".";

    private static string Short(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= MaxEcho ? oneLine : string.Concat(oneLine.AsSpan(0, MaxEcho), "...");
    }

    private static ImmutableHashSet<string> Doing(InterviewState interview, AdvisorInput input) =>
        interview.Doing ?? input.Profile?.Doing ?? ImmutableHashSet<string>.Empty;

    /// <summary>Reads the doing answer: card values (ids joined by commas), choice numbers, activity names, or "not sure".</summary>
    private bool TryReadDoing(BasicQuestion question, string text, out ImmutableHashSet<string> doing)
    {
        var normalized = IntentReader.Normalize(text);
        var ids = question.Choices.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var part in normalized.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ids.Contains(part))
            {
                found.Add(part);
            }
            else if (int.TryParse(part, out var number) && number >= 1 && number <= question.Choices.Length)
            {
                found.Add(question.Choices[number - 1].Value);
            }
        }

        found.AddRange(guide.Activities.FindAll(normalized).Where(ids.Contains));
        var nothing = normalized is "not sure" or "nothing" or "none" or "nothing yet" or "no idea" or "dunno" or "unsure"
            || found.Contains(BasicQuestions.NotSure);
        doing = [.. found.Where(id => id != BasicQuestions.NotSure)];
        return nothing || !doing.IsEmpty;
    }
}
