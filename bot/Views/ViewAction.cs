using System.Collections.Immutable;

namespace FlywheelBot.Views;

/// <summary>
/// A button on a view. <see cref="Data"/> is the small flat string map sent back when pressed (its <c>cmd</c> key
/// names the command, which is also the Action.Execute verb); <see cref="Typed"/> is what a user can type instead.
/// <see cref="AnswersCard"/> marks a button that answers the card it is on (a question, a quiz): cards update such a card
/// in place (Action.Execute). Every other button starts something new and leaves its card as it is (Action.Submit).
/// </summary>
public sealed record ViewAction(string Title, string Typed, ImmutableSortedDictionary<string, string> Data, bool IsPrimary = false)
{
    /// <summary>True when pressing the button answers its card, so the card may be replaced by the outcome.</summary>
    public bool AnswersCard { get; init; }

    public string Command => Data.TryGetValue(ViewData.Command, out var cmd) ? cmd : Typed;

    public static ViewAction Of(string title, string typed, bool primary, params (string Key, string Value)[] data)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            builder[key] = value;
        }

        return new ViewAction(title, typed, builder.ToImmutable(), primary);
    }
}
