using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace FlywheelBot.Settings;

/// <summary>
/// A <see cref="TimeSpan"/> setting between two limits (constant strings in the invariant <c>[d.]hh:mm:ss[.fff]</c>
/// form), with the message <see cref="RangeAttribute"/> gives. <c>[Range(typeof(TimeSpan), ...)]</c> finds its parser
/// through a type converter at run time, which a Native AOT build cannot keep; this one parses its limits itself.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute("The field {0} must be between {1} and {2}.")
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is null || (value is TimeSpan span && span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
