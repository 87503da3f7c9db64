using System.ComponentModel.DataAnnotations;

namespace FlywheelBot.CheckIns;

/// <summary>Validates that a setting names a time zone this machine knows (empty is allowed).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class IanaTimeZoneAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return value is null || (value is string s && (string.IsNullOrWhiteSpace(s) || TimeZones.IsKnown(s)))
            ? ValidationResult.Success
            : new ValidationResult(
                $"{CheckInOptions.Section}:{validationContext.MemberName} '{value}' is not a known IANA time zone (e.g. Europe/Berlin).",
                [validationContext.MemberName ?? string.Empty]);
    }
}
