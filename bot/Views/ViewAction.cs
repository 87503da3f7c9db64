using System.Collections.Immutable;

namespace FlywheelBot.Views;

/// <summary>
/// A button on a view. <see cref="Data"/> is the small flat string map sent back when pressed (its <c>cmd</c> key
/// names the command, which is also the Action.Execute verb); <see cref="Typed"/> is what a user can type instead.
/// </summary>
public sealed record ViewAction(string Title, string Typed, ImmutableSortedDictionary<string, string> Data, bool IsPrimary = false)
{
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
