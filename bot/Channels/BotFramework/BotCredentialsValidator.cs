using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>
/// Refuses to start with credentials that cannot work, naming the setting: authentication may only be off (no
/// <c>MicrosoftAppId</c>) in the Development environment.
/// </summary>
internal sealed class BotCredentialsValidator(bool isDevelopment) : IValidateOptions<BotCredentials>
{
    public ValidateOptionsResult Validate(string? name, BotCredentials options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.AuthenticationEnabled)
        {
            return isDevelopment
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "MicrosoftAppId is not set. Without it the bot would accept unauthenticated requests, which is only allowed in the " +
                    "Development environment. Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId (MicrosoftAppType=SingleTenant).");
        }

        var type = options.MicrosoftAppType;
        if (!string.IsNullOrWhiteSpace(type)
            && !string.Equals(type, BotCredentials.SingleTenant, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(type, BotCredentials.MultiTenant, StringComparison.OrdinalIgnoreCase)
            && !options.IsManagedIdentity)
        {
            return ValidateOptionsResult.Fail(
                $"MicrosoftAppType '{type}' is not supported: use SingleTenant, UserAssignedMSI (a managed identity, on Azure) or MultiTenant.");
        }

        var failures = new List<string>();
        if (options.IsManagedIdentity)
        {
            if (!Guid.TryParse(options.MicrosoftAppId, out _))
            {
                failures.Add("MicrosoftAppId must be the client id (a GUID) of the user-assigned managed identity when MicrosoftAppType is UserAssignedMSI.");
            }

            if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                failures.Add("MicrosoftAppTenantId is not set: a UserAssignedMSI bot (MicrosoftAppType) needs the Entra tenant id of its identity.");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            failures.Add("MicrosoftAppPassword is not set: the bot needs its client secret to send replies (MicrosoftAppId is set).");
        }

        if (options.IsSingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            failures.Add("MicrosoftAppTenantId is not set: a SingleTenant bot (MicrosoftAppType) needs its Entra tenant id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
