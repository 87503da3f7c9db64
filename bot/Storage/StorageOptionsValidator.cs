using Microsoft.Extensions.Options;
using Npgsql;

namespace FlywheelBot.Storage;

/// <summary>
/// Checks the connection string against the provider without opening anything. Messages name the setting and never
/// echo the connection string (it may hold a password).
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail("Storage:Provider must be 'Sqlite' or 'Postgres'.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(options.Provider == StorageProvider.Postgres
                ? "Storage:ConnectionString is required when Storage:Provider is Postgres (an Npgsql connection string: Host=...;Database=...;Username=...;Password=...)."
                : "Storage:ConnectionString must not be empty; for SQLite use Data Source=path/to/file.db (default Data Source=data/flywheelbot.db).");
        }

        try
        {
            if (options.Provider == StorageProvider.Postgres)
            {
                if (options.ConnectionString.Contains("Data Source", StringComparison.OrdinalIgnoreCase))
                {
                    return ValidateOptionsResult.Fail(
                        "Storage:ConnectionString is required when Storage:Provider is Postgres; it still holds a SQLite 'Data Source=' string. Set it to an Npgsql connection string (Host=...;Database=...;Username=...;Password=...).");
                }

                var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    return ValidateOptionsResult.Fail("Storage:ConnectionString for Postgres must name a Host.");
                }
            }
            else
            {
                SqliteDocumentStore.Resolve(options.ConnectionString, Path.GetTempPath());
            }
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid {options.Provider} connection string.");
        }
        catch (FormatException)
        {
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid {options.Provider} connection string.");
        }

        return ValidateOptionsResult.Success;
    }
}
