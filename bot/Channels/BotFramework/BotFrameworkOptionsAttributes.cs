using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>The validation attributes of <see cref="BotFrameworkOptions"/>, checked by code generated at compile time (Native AOT keeps it).</summary>
[OptionsValidator]
internal sealed partial class BotFrameworkOptionsAttributes : IValidateOptions<BotFrameworkOptions>;
