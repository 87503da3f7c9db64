namespace FlywheelBot.Views;

/// <summary>One choice of a question: the wire value sent back and the label shown.</summary>
public sealed record ChoiceOption(string Value, string Label);
