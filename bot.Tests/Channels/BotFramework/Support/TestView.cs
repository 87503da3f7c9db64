using FlywheelBot.Views;

namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>A view for channel tests: the fake renderers show its text.</summary>
internal sealed record TestView(string Text) : ViewModel;
