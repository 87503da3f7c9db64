namespace FlywheelBot.Conversations;

/// <summary>What kind of inbound event a turn is, in channel-neutral terms.</summary>
public enum TurnKind
{
    /// <summary>Typed text, or a submitted form or button that starts something new (values in <see cref="InboundTurn.Values"/>).</summary>
    Message,

    /// <summary>The bot was added to the conversation: welcome once.</summary>
    Installed,

    /// <summary>
    /// A button that answers the message it is on (a question's Next or Skip, a quiz check): the answer may replace that
    /// message in place (<see cref="TurnOutput.ReplaceMessage"/>).
    /// </summary>
    AnswerInPlace,
}
