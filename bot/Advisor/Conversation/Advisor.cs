using System.Collections.Immutable;
using FlywheelBot.Conversations;
using FlywheelBot.Views;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// The conversation as a pure function: <see cref="NextTurn"/> maps (state, input, now) to the next state and the
/// views to show. No I/O, no clock; the engine and playbook come in through the immutable <see cref="IFlywheelGuide"/>.
/// Deterministic, so a store can re-apply it after a concurrent write without losing or doubling an answer.
/// </summary>
internal sealed class Advisor
{
    private readonly IFlywheelGuide _guide;
    private readonly AdvisorPolicy _policy;
    private readonly AdviceViews _advice;
    private readonly InterviewFlow _interview;
    private readonly TourFlow _tour;

    public Advisor(IFlywheelGuide guide, TourContent tour, AdvisorPolicy policy)
    {
        _guide = guide;
        _policy = policy;
        _advice = new AdviceViews(guide);
        _interview = new InterviewFlow(guide, _advice, policy);
        _tour = new TourFlow(guide, tour);
    }

    public TurnResult NextTurn(ConversationState state, AdvisorInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        var result = Decide(state, input, now);
        var output = input.StateWasLost
            ? result.Output with { Replies = result.Output.Replies.Insert(0, NoticeView.Say("Sorry, I lost track of our conversation, so let's start this over.", NoticeTone.Warning)) }
            : result.Output;
        return result with { State = result.State with { UpdatedAt = now }, Output = output };
    }

    private TurnResult Decide(ConversationState state, AdvisorInput input, DateTimeOffset now)
    {
        if (input.Kind == TurnKind.Installed)
        {
            return new TurnResult(state, TurnOutput.Of(new WelcomeView(input.IsTeamChat)));
        }

        var intent = IntentReader.Read(input, _guide);
        var interview = state.Mode == ConversationMode.Interview ? state.Interview : null;
        if (input.StateWasLost && intent.Kind is IntentKind.Text or IntentKind.Answer or IntentKind.Skip or IntentKind.Back)
        {
            return _interview.Continue(state, InterviewState.New, input, now, []);
        }

        return intent.Kind switch
        {
            IntentKind.Start => _interview.Continue(state, state.Interview ?? InterviewState.New, input, now, []),
            IntentKind.Restart => _interview.Continue(state, InterviewState.New, input, now, [NoticeView.Say("Starting again from the top.")]),
            IntentKind.Help => Help(state, interview, input),
            IntentKind.Cancel => Cancel(state),
            IntentKind.Why => Why(state, input, now),
            IntentKind.Advice => Advice(state, interview, input, now),
            IntentKind.Learn => _tour.Open(state, intent.Stage),
            IntentKind.Quiz => _tour.Check(state, intent.Stage, intent.Value ?? string.Empty, input.Kind == TurnKind.AnswerInPlace),
            IntentKind.MetricUpdate => MetricUpdate(state, interview, intent, input, now),
            IntentKind.Skip when interview is not null => _interview.Skip(state, interview, intent, input, now),
            IntentKind.Skip when state.Mode == ConversationMode.Tour => _tour.Next(state),
            IntentKind.Back when interview is not null => _interview.Back(state, interview, input, now),
            IntentKind.Back when state.Mode == ConversationMode.Tour => _tour.Previous(state),
            IntentKind.Next when state.Mode == ConversationMode.Tour => _tour.Next(state),
            IntentKind.Answer or IntentKind.Text when interview is not null => _interview.Answer(state, interview, intent, input, now),
            IntentKind.Answer when state.Interview is { } paused => _interview.Answer(state, paused, intent, input, now),
            IntentKind.Text when state.Mode == ConversationMode.Tour => _tour.Check(state, null, intent.Value ?? string.Empty),
            IntentKind.Answer => Stale(state),
            _ => NotUnderstood(state, input),
        };
    }

    private TurnResult Help(ConversationState state, InterviewState? interview, AdvisorInput input)
    {
        // Help keeps the place: the current question (or tour card) follows the help.
        var step = interview is null ? null : _interview.Current(interview, input);
        var replies = ImmutableArray.Create<ViewModel>(new HelpView(step?.Prompt, input.IsTeamChat));
        if (step is not null)
        {
            replies = replies.Add(_interview.Question(step, interview!, null));
        }
        else if (state.Mode == ConversationMode.Tour && state.Tour.Current is { } stage)
        {
            replies = replies.Add(_tour.View(stage));
        }

        return new TurnResult(state, new TurnOutput(replies));
    }

    private static TurnResult Cancel(ConversationState state)
    {
        var text = state.Mode switch
        {
            ConversationMode.Interview => "Stopped the interview. Your saved advice is untouched; say \"start\" whenever you like.",
            ConversationMode.Tour => "Stopped the tour. Say \"learn\" to pick it up again.",
            _ => "Nothing to cancel right now.",
        };
        var next = state with
        {
            Mode = ConversationMode.Idle,
            Interview = state.Mode == ConversationMode.Interview ? null : state.Interview,
        };
        return new TurnResult(next, TurnOutput.Of(new NoticeView(text, [StartAction("Start the interview")])));
    }

    private TurnResult Why(ConversationState state, AdvisorInput input, DateTimeOffset now) => input.Profile is { } profile
        ? new TurnResult(state, TurnOutput.Of(_advice.StageWalk(_guide.Diagnose(profile.ToDiagnosisInput()), profile.Goal, now)))
        : new TurnResult(state, TurnOutput.Of(new NoticeView("There is no advice to explain yet. A few questions and there will be.", [StartAction("Start the interview")])));

    private TurnResult Advice(ConversationState state, InterviewState? interview, AdvisorInput input, DateTimeOffset now)
    {
        if (input.Profile is { } profile && now - profile.UpdatedAt <= _policy.ProfileFreshFor)
        {
            var diagnosis = _guide.Diagnose(profile.ToDiagnosisInput());
            var source = $"From this chat's saved profile, updated {Age(now - profile.UpdatedAt)}";
            return new TurnResult(state, TurnOutput.Of(_advice.Recommendation(diagnosis, now, [], source, profile.Goal)));
        }

        var why = input.Profile is null
            ? "I don't have a profile for this chat yet, so let's build one: a few quick questions."
            : $"The saved profile is {(int)(now - input.Profile.UpdatedAt).TotalDays} days old, too old to advise on. Let's refresh it: a few quick questions.";
        return interview is not null
            ? _interview.Continue(state, interview, input, now, [NoticeView.Say("Let's finish the interview first; then you get the advice.")])
            : _interview.Continue(state, InterviewState.New, input, now, [NoticeView.Say(why)]);
    }

    private TurnResult MetricUpdate(ConversationState state, InterviewState? interview, Intent intent, AdvisorInput input, DateTimeOffset now)
    {
        var metric = _guide.FindMetric(intent.MetricId!);
        if (metric is null || !_guide.TryParseValue(metric, intent.Value ?? string.Empty, out var value))
        {
            return interview is not null
                ? _interview.Answer(state, interview, new Intent(IntentKind.Text, input.Text), input, now)
                : NotUnderstood(state, input);
        }

        if (interview is not null)
        {
            return _interview.Current(interview, input)?.QuestionId == metric.Id
                ? _interview.Answer(state, interview, new Intent(IntentKind.Text, intent.Value), input, now)
                : _interview.Prefill(state, interview, metric, value, input, now);
        }

        if (input.Profile is not { } profile)
        {
            var prefilled = InterviewState.New with { Metrics = InterviewState.New.Metrics.SetItem(metric.Id, value) };
            var notice = NoticeView.Say($"Noted: {metric.Phrase(value)}. I need a few basics before I can advise.");
            return _interview.Continue(state, prefilled, input, now, [notice]);
        }

        var change = ProfileChange.SetMetric(profile, metric.Id, value, now);
        var diagnosis = _guide.Diagnose(change.Apply(profile).ToDiagnosisInput());
        var updated = NoticeView.Say($"Updated {metric.Phrase(value)}.", NoticeTone.Good);
        var advice = _advice.Recommendation(diagnosis, now, [], "Fresh advice with the new number", profile.Goal);
        return new TurnResult(state, TurnOutput.Of(updated, advice), change, diagnosis, "update");
    }

    private static TurnResult Stale(ConversationState state) =>
        new(state, TurnOutput.Of(new NoticeView("That card belongs to an interview that has ended.", [StartAction("Start a new interview")])));

    private static TurnResult NotUnderstood(ConversationState state, AdvisorInput input)
    {
        var text = input.IsTeamChat
            ? "Ask me \"what should we do next\", update a number (\"visitors are 5,400 now\"), or say \"help\"."
            : "I didn't catch that. Say \"start\" for the interview, \"learn\" for a tour of the flywheel, or \"help\".";
        return new TurnResult(state, TurnOutput.Of(new NoticeView(text, [StartAction("Start the interview")])));
    }

    private static ViewAction StartAction(string title) => ViewAction.Of(title, "start", true, (ViewData.Command, ViewCommands.Start));

    private static string Age(TimeSpan age) => age.TotalDays switch
    {
        < 1 => "today",
        < 2 => "yesterday",
        var days => $"{(int)days} days ago",
    };
}
