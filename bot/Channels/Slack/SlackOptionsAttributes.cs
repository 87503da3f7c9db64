using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack;

/// <summary>The validation attributes of <see cref="SlackOptions"/>, checked by code generated at compile time (Native AOT keeps it).</summary>
[OptionsValidator]
internal sealed partial class SlackOptionsAttributes : IValidateOptions<SlackOptions>;
