namespace FlywheelBot.Storage;

/// <summary>A provider whose schema is migrated at start-up (and, as a safety net, on first use).</summary>
internal interface IStorageSchema
{
    /// <summary>Applies missing migrations; idempotent and safe when several processes start at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The newest migration this build knows; a ready store has it applied.</summary>
    int LatestMigration { get; }

    /// <summary>The migration versions recorded in <c>schema_migrations</c>, ascending.</summary>
    Task<IReadOnlyList<int>> GetAppliedMigrationsAsync(CancellationToken cancellationToken);
}
