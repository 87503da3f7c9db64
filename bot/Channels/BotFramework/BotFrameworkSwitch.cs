namespace FlywheelBot.Channels.BotFramework;

/// <summary>
/// Whether the Bot Framework channel (Teams, Web Chat, the Playground) is on: <c>BotFramework:Enabled</c>, default true.
/// A value other than true or false stops start-up with the configuration binder's message naming the setting.
/// </summary>
internal sealed record BotFrameworkSwitch(bool Enabled)
{
    public const string Setting = "BotFramework:Enabled";

    public static BotFrameworkSwitch From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new BotFrameworkSwitch(configuration.GetValue(Setting, defaultValue: true));
    }
}
