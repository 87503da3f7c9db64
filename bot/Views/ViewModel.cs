namespace FlywheelBot.Views;

/// <summary>
/// What to show, independent of any channel. Each concrete view is a sealed record deriving from this;
/// the Adaptive Card, Block Kit and plain-text renderers turn views into their wire form.
/// </summary>
public abstract record ViewModel;
