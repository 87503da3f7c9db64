using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>
/// Renders the channel-neutral views as Adaptive Cards 1.5 through the typed card model (never text templates), so user
/// text can never break the JSON. The views of the advisor and of check-ins alike are drawn here, in the Bot Framework
/// channel; the features only define view models (as the Slack Block Kit renderer draws the same views for Slack).
/// A button that answers its card (<see cref="ViewAction.AnswersCard"/>) is an Action.Execute, so the bot can replace
/// the card in place, with an Action.Submit fallback carrying the same data for hosts without universal actions; every
/// other button is a plain Action.Submit that posts a new message and leaves the card as it is. A view no card is drawn
/// for (another feature's) shows its plain text.
/// </summary>
internal sealed class AdaptiveCardRenderer(ITextRenderer text) : ICardRenderer
{
    public JsonObject Render(ViewModel view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Serialize(Build(view, text.Render(view)));
    }

    /// <summary>The card written straight from the typed model to UTF-8 (what a reply sends), no JSON object between.</summary>
    public byte[] RenderUtf8(ViewModel view, string fallbackText)
    {
        ArgumentNullException.ThrowIfNull(view);
        return JsonSerializer.SerializeToUtf8Bytes(Build(view, fallbackText), CardJsonContext.Default.AdaptiveCard);
    }

    internal static JsonObject Serialize(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, CardJsonContext.Default.AdaptiveCard)!.AsObject();

    private AdaptiveCard Build(ViewModel view, string fallbackText) =>
        new(Body(view), ViewActions.For(view).AddRange(CheckInViewActions.For(view)).Select(ToCardAction).ToImmutableArray()) { FallbackText = fallbackText };

    private ImmutableArray<CardElement> Body(ViewModel view) => view switch
    {
        WelcomeView w => InfoCards.Welcome(w),
        QuestionView q => QuestionCard.Build(q),
        AnsweredView a => [Blocks.Subtle(a.Prompt), Blocks.Colored($"Answered: {a.Answer}", TextColor.Good)],
        RecommendationView r => RecommendationCard.Build(r),
        StageWalkView s => StageWalkCard.Build(s),
        HelpView h => InfoCards.Help(h),
        TourStageView t => TourCards.Stage(t),
        TourAnswerView a => TourCards.Answer(a),
        NoticeView n => [n.Tone switch
        {
            NoticeTone.Good => new TextBlock(n.Text) { Color = TextColor.Good },
            NoticeTone.Warning => new TextBlock(n.Text) { Color = TextColor.Warning },
            _ => Blocks.Body(n.Text),
        }],
        _ => CheckInCards.Body(view) ?? [Blocks.Body(text.Render(view))],
    };

    internal static CardAction ToCardAction(ViewAction action)
    {
        var style = action.IsPrimary ? ActionStyle.Positive : (ActionStyle?)null;
        var submit = new SubmitAction(action.Title, action.Data) { Style = style };
        return action.AnswersCard
            ? new ExecuteAction(action.Title, action.Command, action.Data) { Style = style, Fallback = submit }
            : submit;
    }
}
