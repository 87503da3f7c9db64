namespace FlywheelBot.Views;

/// <summary>What a question card turns into once answered ("Monthly visitors: 1,200").</summary>
public sealed record AnsweredView(string Prompt, string Answer) : ViewModel;
