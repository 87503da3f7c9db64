namespace FlywheelBot.Hosting;

/// <summary>
/// App Service replaces <c>@Microsoft.KeyVault(...)</c> settings with the secret; when it cannot (secret missing,
/// identity without access) the app sees the reference text itself. Using that as a secret would fail later and
/// obscurely, so start-up stops at once naming the setting.
/// </summary>
internal static class KeyVaultReferences
{
    private const string Marker = "@Microsoft.KeyVault(";

    public static void ThrowIfUnresolved(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var unresolved = configuration.AsEnumerable()
            .Where(setting => setting.Value is { } value && value.StartsWith(Marker, StringComparison.OrdinalIgnoreCase))
            .Select(setting => setting.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unresolved.Count > 0)
        {
            throw new StartupException(
                $"{string.Join(", ", unresolved)}: App Service could not resolve the Key Vault reference. Check that the secret exists in " +
                "the vault and that the app's identity (keyVaultReferenceIdentity) has the Key Vault Secrets User role on it.");
        }
    }
}
