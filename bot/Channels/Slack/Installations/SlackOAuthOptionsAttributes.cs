using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>The validation attributes of <see cref="SlackOAuthOptions"/>, checked by code generated at compile time (Native AOT keeps it).</summary>
[OptionsValidator]
internal sealed partial class SlackOAuthOptionsAttributes : IValidateOptions<SlackOAuthOptions>;
