namespace FlywheelBot.Conversations;

/// <summary>What kind of inbound event a turn is, in channel-neutral terms.</summary>
public enum TurnKind
{
    /// <summary>Typed text, or an Action.Submit (values in <see cref="InboundTurn.Values"/>).</summary>
    Message,

    /// <summary>The bot was added to the conversation: welcome once.</summary>
    Installed,

    /// <summary>An Action.Execute (universal action model): the answer may replace the card in place.</summary>
    CardAction,
}
