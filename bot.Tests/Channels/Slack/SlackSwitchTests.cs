using FlywheelBot.Channels.Slack;
using Microsoft.Extensions.Configuration;

namespace FlywheelBot.Tests.Channels.Slack;

public sealed class SlackSwitchTests
{
    [Theory]
    [InlineData(null, null, null, null, null, null, false, false)]
    [InlineData("secret", null, null, null, null, null, false, false)]
    [InlineData(null, "xoxb-1", null, null, null, null, false, false)]
    [InlineData("secret", "xoxb-1", null, null, null, null, true, false)]
    [InlineData("secret", "xoxb-1", null, "true", null, null, true, true)]
    [InlineData(null, "xoxb-1", "xapp-1", "true", null, null, true, true)]
    [InlineData(null, "xoxb-1", "xapp-1", "false", null, null, false, false)]
    [InlineData(null, null, null, null, "123.456", "client-secret", true, false)]
    [InlineData(null, null, null, null, "123.456", null, false, false)]
    [InlineData("  ", "xoxb-1", null, null, null, null, false, false)]
    public void Slack_is_on_only_with_complete_settings(string? secret, string? bot, string? app, string? socket, string? clientId, string? clientSecret, bool on, bool socketMode)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = secret,
            ["Slack:BotToken"] = bot,
            ["Slack:AppToken"] = app,
            ["Slack:SocketMode"] = socket,
            ["Slack:ClientId"] = clientId,
            ["Slack:ClientSecret"] = clientSecret,
        }).Build();

        var state = SlackSwitch.From(configuration);
        Assert.Equal(on, state.Enabled);
        Assert.Equal(socketMode, state.SocketMode);
    }
}
