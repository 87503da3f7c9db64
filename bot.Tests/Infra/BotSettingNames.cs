using System.Collections;
using System.Reflection;
using FlywheelBot.Channels.BotFramework;

namespace FlywheelBot.Tests.Infra;

/// <summary>
/// The setting names the bot reads, derived from its code: every options class with a <c>Section</c> constant
/// contributes <c>Section:Property</c> for each bindable property, and <see cref="BotCredentials"/> (bound from the
/// configuration root, as the Bot Framework SDK names them) its property names.
/// </summary>
internal static class BotSettingNames
{
    public static IReadOnlySet<string> All { get; } = Collect();

    /// <summary>The configuration key an App Service setting name stands for (<c>__</c> is the colon on Linux).</summary>
    public static string FromAppSetting(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    private static HashSet<string> Collect()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        names.UnionWith(Bindable(typeof(BotCredentials)).Select(p => p.Name));
        foreach (var type in typeof(BotCredentials).Assembly.GetTypes())
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section)
            {
                names.UnionWith(Bindable(type).Select(p => $"{section}:{p.Name}"));
            }
        }

        return names;
    }

    private static IEnumerable<PropertyInfo> Bindable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p =>
            p.SetMethod is { IsPublic: true }
            || (p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)));
}
