using Microsoft.Extensions.Options;

namespace FlywheelBot.Advisor;

/// <summary>The validation attributes of <see cref="AdvisorOptions"/>, checked by code generated at compile time (Native AOT keeps it).</summary>
[OptionsValidator]
internal sealed partial class AdvisorOptionsAttributes : IValidateOptions<AdvisorOptions>;
