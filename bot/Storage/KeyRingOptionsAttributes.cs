using Microsoft.Extensions.Options;

namespace FlywheelBot.Storage;

/// <summary>The validation attributes of <see cref="KeyRingOptions"/>, checked by code generated at compile time (Native AOT keeps it).</summary>
[OptionsValidator]
internal sealed partial class KeyRingOptionsAttributes : IValidateOptions<KeyRingOptions>;
