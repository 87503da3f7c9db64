using Microsoft.Extensions.Options;

namespace FlywheelBot.CheckIns;

/// <summary>The validation attributes of <see cref="CheckInOptions"/>, checked by code generated at compile time (Native AOT keeps it).</summary>
[OptionsValidator]
internal sealed partial class CheckInOptionsAttributes : IValidateOptions<CheckInOptions>;
