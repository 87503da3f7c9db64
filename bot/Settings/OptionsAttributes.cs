using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Settings;

/// <summary>
/// Checks an options class's validation attributes (<c>[Required]</c>, <c>[Range]</c>, ...) with a validator generated
/// at compile time (<c>[OptionsValidator]</c>) instead of <c>ValidateDataAnnotations()</c>, which finds them by
/// reflection at run time and so does not survive a Native AOT build. Same messages, same start-up check.
/// </summary>
internal static class OptionsAttributes
{
    public static OptionsBuilder<TOptions> ValidateAttributes<TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(this OptionsBuilder<TOptions> builder)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return builder;
    }
}
