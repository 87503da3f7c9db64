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

        // The current question of the interview, once worked out (the answer below needs the same one).
        InterviewStep? current = null;
        var currentKnown = false;
        if (intent.Kind is IntentKind.Text or IntentKind.MetricUpdate && input.Kind == TurnKind.Message && state.Mode != ConversationMode.Tour && !input.StateWasLost)
        {
            var step = interview is null ? null : _interview.Current(interview, input);
            (current, currentKnown) = (step, interview is not null);
            var atDoing = step?.QuestionId == BasicQuestions.DoingId;
            var facts = atDoing ? Facts.None : FactReader.Read(input.Text, _guide.MetricNames, ParseValue, _guide.Activities);
            if (!facts.IsEmpty && !IsPlainAnswer(facts, step, intent, interview is not null, input.Text))
            {
                return Told(state, interview, facts, input, now);
            }

            if (!atDoing && facts.Activities.Length > 0 && intent.Kind == IntentKind.Text)
            {
                return AboutActivity(state, interview, facts.Activities[0], input, now);
            }
        }

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
            IntentKind.Answer or IntentKind.Text when interview is not null => currentKnown
                ? _interview.Answer(state, interview, intent, input, now, current)
                : _interview.Answer(state, interview, intent, input, now),
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

        var change = ProfileChange.SetMetric(profile, metric.Id, value, now) with { Report = _guide.Report };
        var diagnosis = _guide.Diagnose(change.Apply(profile).ToDiagnosisInput());
        var updated = NoticeView.Say($"Updated {(_guide.FindMetric(metric.Id, profile.Audience) ?? metric).Phrase(value)}.", NoticeTone.Good);
        var advice = _advice.Recommendation(diagnosis, now, [], "Fresh advice with the new number", profile.Goal);
        return new TurnResult(state, TurnOutput.Of(updated, advice), change, diagnosis, "update");
    }

    /// <summary>
    /// True when the facts are no more than what the ordinary paths already read: the answer to the question on screen
    /// (kept in the interview's history, so "back" works), a single metric update ("nps is 25"), or, outside an
    /// interview, a bare word ("emerging") that is not a sentence about the team.
    /// </summary>
    private static bool IsPlainAnswer(Facts facts, InterviewStep? step, Intent intent, bool interviewing, string? text)
    {
        if (facts.Count != 1)
        {
            return false;
        }

        if (facts.Metrics.Count == 1 && intent.Kind == IntentKind.MetricUpdate)
        {
            return true;
        }

        if (step is not null)
        {
            return step.Metric is { } metric ? facts.Metrics.ContainsKey(metric.Id) : step.QuestionId switch
            {
                BasicQuestions.AudienceId => facts.Audience is not null,
                BasicQuestions.AwarenessId => facts.Awareness is not null,
                BasicQuestions.CommunityId => facts.Community is not null,
                _ => false,
            };
        }

        return !interviewing && facts.Metrics.Count == 0 && (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2;
    }

    /// <summary>
    /// Several facts in one message, at any point: during the interview they fill its answers (never asked again); with a
    /// saved profile and no interview they update it and the advice comes fresh; otherwise they start the interview.
    /// One line says what was understood.
    /// </summary>
    private TurnResult Told(ConversationState state, InterviewState? interview, Facts facts, AdvisorInput input, DateTimeOffset now)
    {
        if (interview is null && input.Profile is { } profile && state.Interview is null)
        {
            var change = ProfileChange.SetFacts(profile, facts, now, _guide.Report);
            var updatedProfile = change.Apply(profile);
            var diagnosis = _guide.Diagnose(updatedProfile.ToDiagnosisInput());
            var updated = NoticeView.Say($"Updated: {Understood(facts, updatedProfile.Audience)}.", NoticeTone.Good);
            var advice = _advice.Recommendation(diagnosis, now, [], facts.Metrics.Count == 1 ? "Fresh advice with the new number" : "Fresh advice with the new numbers", profile.Goal);
            return new TurnResult(state, TurnOutput.Of(updated, advice), change, diagnosis, "update");
        }

        var current = interview ?? state.Interview ?? InterviewState.New;
        var told = current.With(facts, _guide.Report);
        var audience = told.Audience ?? InterviewDefaults.Audience;
        var before = ImmutableArray.CreateBuilder<ViewModel>();
        before.Add(NoticeView.Say($"Got it: {Understood(facts, audience)}.", NoticeTone.Good));
        var warnings = _guide.Diagnose(told.ToInput(told.Doing ?? input.Profile?.Doing ?? [])).Warnings;
        foreach (var warning in warnings)
        {
            before.Add(NoticeView.Say($"{warning.Text} Tell me the right one (\"leads are 40\"), or carry on if both are right.", NoticeTone.Warning));
        }

        return _interview.Continue(state, told, input, now, before.ToImmutable());
    }

    /// <summary>"senior decision-makers, a new market, website visitors per month: 300, new leads per month: 2 (visitor to lead works out at 0.67%)".</summary>
    private string Understood(Facts facts, Flywheel.Audience audience)
    {
        var parts = new List<string>();
        if (facts.Audience is { } who)
        {
            parts.Add(BasicQuestions.Audience.LabelOf(Flywheel.FlywheelIds.Of(who)).ToLowerInvariant());
        }

        if (facts.Awareness is { } awareness)
        {
            parts.Add($"market awareness {Flywheel.FlywheelIds.Of(awareness)}");
        }

        if (facts.Community is { } community)
        {
            parts.Add(community switch
            {
                Flywheel.Community.Yes => "a community of your users exists",
                Flywheel.Community.No => "no community of your users",
                _ => "not sure about a community",
            });
        }

        foreach (var (id, value) in facts.Metrics.OrderBy(m => FlywheelOrder(m.Key)).ThenBy(m => m.Key, StringComparer.Ordinal))
        {
            if (_guide.FindMetric(id, audience) is { } metric)
            {
                parts.Add(MidSentence(metric.Phrase(value)));
            }
        }

        return string.Join("; ", parts);
    }

    /// <summary>Where a metric sits in the playbook (flywheel order), so "Got it" lists numbers as the stages run.</summary>
    private int FlywheelOrder(string metricId)
    {
        var index = _guide.Playbook is { } playbook ? playbook.Metrics.IndexOf(playbook.Metrics.FirstOrDefault(m => m.Id == metricId)!) : -1;
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>"Website visitors per month" reads "website visitors per month" mid-sentence; "Net Promoter Score" stays a name.</summary>
    private static string MidSentence(string phrase)
    {
        var words = phrase.Split(' ', 3);
        return words.Length > 1 && words[1].Length > 0 && char.IsUpper(words[1][0]) || phrase.Length > 1 && char.IsUpper(phrase[1])
            ? phrase
            : char.ToLowerInvariant(phrase[0]) + phrase[1..];
    }

    private bool ParseValue(string metricId, string text, out decimal value)
    {
        value = 0;
        return _guide.FindMetric(metricId) is { } metric && _guide.TryParseValue(metric, text, out value);
    }

    /// <summary>An off-script question about an activity: what the playbook says about it for this team, then carry on.</summary>
    private TurnResult AboutActivity(ConversationState state, InterviewState? interview, string activityId, AdvisorInput input, DateTimeOffset now)
    {
        var diagnosis = interview is not null
            ? (interview.Audience is null ? null : _guide.Diagnose(interview.ToInput(interview.Doing ?? input.Profile?.Doing ?? [])))
            : input.Profile is { } profile ? _guide.Diagnose(profile.ToDiagnosisInput()) : null;
        var answer = NoticeView.Say(_guide.AboutActivity(activityId, diagnosis));
        return interview is not null
            ? _interview.Continue(state, interview, input, now, [answer])
            : new TurnResult(state, TurnOutput.Of(new NoticeView(answer.Text, input.Profile is null ? [StartAction("Start the interview")] : [])));
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
