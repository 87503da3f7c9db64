using Microsoft.Extensions.Options;

namespace FlywheelBot.Storage;

/// <summary>The validation attributes of <see cref="StorageOptions"/>, checked by code generated at compile time (Native AOT keeps it).</summary>
[OptionsValidator]
internal sealed partial class StorageOptionsAttributes : IValidateOptions<StorageOptions>;
