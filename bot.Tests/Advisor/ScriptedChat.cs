using System.Collections.Immutable;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Conversations;
using FlywheelBot.Tests.Channels.BotFramework.Cards;
using FlywheelBot.Tests.Views;
using FlywheelBot.Views;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Advisor;

/// <summary>
/// Drives the pure advisor turn by turn like a channel would (state and profile carried between turns) and renders
/// every reply as a card (kept for the validators) and as text, so each scripted conversation also checks rendering.
/// </summary>
internal sealed class ScriptedChat(ConversationScope scope = ConversationScope.Personal, TeamProfile? profile = null)
{
    private static readonly PlainTextRenderer Text = new();

    public FakeTimeProvider Clock { get; } = new(TestAdvisor.Start);

    public ConversationState State { get; set; } = ConversationState.Empty;

    public TeamProfile? Profile { get; set; } = profile;

    public List<TurnResult> Results { get; } = [];

    public TurnResult LastResult => Results[^1];

    public ImmutableArray<ViewModel> Replies => LastResult.Output.Replies;

    public TurnOutput Install() => Run(new AdvisorInput(TurnKind.Installed, scope, null, ImmutableDictionary<string, string>.Empty, Profile));

    public TurnOutput Say(string text) => Run(new AdvisorInput(TurnKind.Message, scope, text, ImmutableDictionary<string, string>.Empty, Profile));

    /// <summary>A press of a button that answers its own message (a card's Action.Execute), with its data and input values.</summary>
    public TurnOutput Execute(params (string Key, string Value)[] values) =>
        Run(new AdvisorInput(TurnKind.AnswerInPlace, scope, null, Values(values), Profile));

    /// <summary>An Action.Submit press: a message with values and no text.</summary>
    public TurnOutput Submit(params (string Key, string Value)[] values) =>
        Run(new AdvisorInput(TurnKind.Message, scope, null, Values(values), Profile));

    public TurnOutput Run(AdvisorInput input)
    {
        var result = TestAdvisor.Advisor.NextTurn(State, input, Clock.GetUtcNow());
        Results.Add(result);
        State = result.State;
        if (result.ProfileChange is { } change)
        {
            Profile = change.Apply(Profile);
        }

        foreach (var view in result.Output.Replies.Concat(result.Output.ReplaceMessage is { } r ? [r] : []))
        {
            CardCorpus.Render(view, $"chat-{view.GetType().Name}");
            Assert.False(string.IsNullOrWhiteSpace(Text.Render(view)));
        }

        return result.Output;
    }

    public T Last<T>()
        where T : ViewModel => Assert.IsType<T>(Replies[^1]);

    public QuestionView Question => Last<QuestionView>();

    /// <summary>Answers every question with <paramref name="answer"/> until the advice comes; returns the asked ids in order.</summary>
    public ImmutableArray<QuestionView> AnswerAll(Func<string, string> answer, int limit = 30)
    {
        var asked = ImmutableArray.CreateBuilder<QuestionView>();
        while (Replies[^1] is QuestionView question && asked.Count < limit)
        {
            asked.Add(question);
            Say(answer(question.QuestionId));
        }

        return asked.ToImmutable();
    }

    private static ImmutableDictionary<string, string> Values((string Key, string Value)[] values) =>
        values.ToImmutableDictionary(v => v.Key, v => v.Value);
}
