using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack;

/// <summary>Socket Mode needs an app-level token; HTTP needs the signing secret; tokens have Slack's prefixes.</summary>
internal sealed class SlackOptionsValidator(SlackSwitch state) : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!state.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        if (options.SocketMode && string.IsNullOrWhiteSpace(options.AppToken))
        {
            problems.Add("Slack:SocketMode is true but Slack:AppToken (an app-level xapp- token with connections:write) is not set.");
        }

        if (!string.IsNullOrWhiteSpace(options.AppToken) && !options.AppToken.Trim().StartsWith("xapp-", StringComparison.Ordinal))
        {
            problems.Add("Slack:AppToken must be an app-level token starting with xapp-.");
        }

        if (!options.SocketMode && string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            problems.Add("Slack:SigningSecret is required to receive Slack requests over HTTP.");
        }

        if (!string.IsNullOrWhiteSpace(options.BotToken) && !options.BotToken.Trim().StartsWith("xoxb-", StringComparison.Ordinal))
        {
            problems.Add("Slack:BotToken must be a bot token starting with xoxb-.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
