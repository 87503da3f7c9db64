using System.Collections.Immutable;

namespace FlywheelBot.Views;

/// <summary>A short message, optionally with buttons (at most one primary).</summary>
public sealed record NoticeView(string Text, ImmutableArray<ViewAction> Actions, NoticeTone Tone = NoticeTone.Info) : ViewModel
{
    public static NoticeView Say(string text, NoticeTone tone = NoticeTone.Info) => new(text, ImmutableArray<ViewAction>.Empty, tone);
}
