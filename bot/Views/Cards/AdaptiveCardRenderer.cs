using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlywheelBot.Views.Cards;

/// <summary>
/// Renders views as Adaptive Cards 1.5 through the typed card model (never text templates), so user text can
/// never break the JSON. A button that answers its card (<see cref="ViewAction.AnswersCard"/>) is an Action.Execute, so the
/// bot can replace the card in place, with an Action.Submit fallback carrying the same data for hosts without universal
/// actions; every other button is a plain Action.Submit that posts a new message and leaves the card as it is.
/// Views of other features are rendered by their registered <see cref="ICardContributor"/>.
/// </summary>
internal sealed class AdaptiveCardRenderer(ITextRenderer text, IEnumerable<ICardContributor> contributors) : ICardRenderer
{
    public AdaptiveCardRenderer(ITextRenderer text)
        : this(text, [])
    {
    }

    public JsonObject Render(ViewModel view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Contributed(view) ?? Serialize(Build(view, text.Render(view)));
    }

    /// <summary>The card written straight from the typed model to UTF-8 (what a reply sends), no JSON object between.</summary>
    public byte[] RenderUtf8(ViewModel view, string fallbackText)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Contributed(view) is { } contributed
            ? CardFallback.ToUtf8(CardFallback.Ensure(contributed, fallbackText))
            : JsonSerializer.SerializeToUtf8Bytes(Build(view, fallbackText), CardJsonContext.Default.AdaptiveCard);
    }

    internal static JsonObject Serialize(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, CardJsonContext.Default.AdaptiveCard)!.AsObject();

    private static AdaptiveCard Build(ViewModel view, string fallbackText) =>
        new(Body(view), ViewActions.For(view).Select(ToCardAction).ToImmutableArray()) { FallbackText = fallbackText };

    private JsonObject? Contributed(ViewModel view)
    {
        foreach (var contributor in contributors)
        {
            if (contributor.TryRender(view, out var contributed))
            {
                return contributed;
            }
        }

        return null;
    }

    private static ImmutableArray<CardElement> Body(ViewModel view) => view switch
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
        _ => throw new ArgumentOutOfRangeException(nameof(view), view.GetType().Name, "No card for this view."),
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
