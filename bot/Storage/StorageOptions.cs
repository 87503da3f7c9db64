using FlywheelBot.Settings;
using System.ComponentModel.DataAnnotations;

namespace FlywheelBot.Storage;

/// <summary>Settings of the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    [EnumDataType(typeof(StorageProvider))]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// SQLite: <c>Data Source=path</c>; a relative path resolves against the content root (the app's folder), and the
    /// file and its directory are created on first start. PostgreSQL: an Npgsql connection string (required).
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=data/flywheelbot.db";

    /// <summary>
    /// PostgreSQL on Azure: the client id of the user-assigned managed identity the bot signs in to the database with.
    /// When set and the connection string has no password, an Entra access token is the password (renewed periodically).
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// How long start-up keeps retrying (with backoff) a database that is not reachable yet before it gives up with an
    /// error; readiness (<c>/healthz/ready</c>) answers 503 meanwhile. Zero: fail at once.
    /// </summary>
    [TimeSpanRange("00:00:00", "01:00:00")]
    public TimeSpan StartupRetryTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long processed activity ids are kept for de-duplication.</summary>
    [TimeSpanRange("00:01:00", "365.00:00:00")]
    public TimeSpan ProcessedActivityRetention { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long an untouched dialog (conversation) state is kept before it expires.</summary>
    [TimeSpanRange("00:01:00", "3650.00:00:00")]
    public TimeSpan DialogStateRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often expired records are purged.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(15);
}
