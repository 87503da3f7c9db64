using FlywheelBot.Storage;

namespace FlywheelBot.Tests.Storage;

/// <summary>What a database-backed provider adds to the conformance suite: migrations and crash safety.</summary>
public abstract class DurableDocumentStoreConformance : DocumentStoreConformance
{
    /// <summary>Every migration version the provider ships, ascending.</summary>
    protected abstract IReadOnlyList<int> ShippedMigrations { get; }

    /// <summary>
    /// Starts a raw transaction on its own connection that overwrites <paramref name="key"/> but never commits;
    /// disposing the handle drops the connection abruptly, as a killed process would.
    /// </summary>
    protected abstract Task<IAsyncDisposable> BeginUncommittedOverwriteAsync(string key, string json);

    private static Task MigrateAsync(IDocumentStore store) => ((IStorageSchema)store).MigrateAsync(CancellationToken.None);

    private static Task<IReadOnlyList<int>> AppliedAsync(IDocumentStore store) =>
        ((IStorageSchema)store).GetAppliedMigrationsAsync(CancellationToken.None);

    [ConformanceFact]
    public async Task Migrations_are_recorded_once_however_often_they_run()
    {
        await MigrateAsync(Store);
        await MigrateAsync(Store);
        var later = await OpenAsync();
        await MigrateAsync(later);

        Assert.Equal(ShippedMigrations, await AppliedAsync(Store));
        Assert.Equal(ShippedMigrations, await AppliedAsync(later));
    }

    [ConformanceFact]
    public async Task Instances_starting_at_the_same_moment_migrate_one_fresh_database_once()
    {
        var stores = new List<IDocumentStore> { Store };
        for (var i = 0; i < 3; i++)
        {
            stores.Add(await OpenAsync());
        }

        await Task.WhenAll(stores.Select(s => Task.Run(() => MigrateAsync(s))));
        var writes = await Task.WhenAll(stores.Select((s, i) => s.PutAsync(Write($"after-start-{i}", "{}", 0), CancellationToken.None)));

        Assert.Equal(ShippedMigrations, await AppliedAsync(Store));
        Assert.All(writes, w => Assert.True(w.Succeeded));
    }

    [ConformanceFact]
    public async Task The_first_read_of_a_fresh_database_migrates_it()
    {
        Assert.Null(await Store.GetAsync(Collection, "anything", CancellationToken.None));
        Assert.Equal(ShippedMigrations, await AppliedAsync(Store));
    }

    [ConformanceFact]
    public async Task An_abandoned_transaction_leaves_the_last_committed_version_intact()
    {
        await Store.PutAsync(Write("turn", """{"question":3}""", 0), CancellationToken.None);
        await Store.PutAsync(Write("turn", """{"question":4}""", 1), CancellationToken.None);

        StoredDocument? during;
        await using (await BeginUncommittedOverwriteAsync("turn", """{"question":"half"""))
        {
            during = await Store.GetAsync(Collection, "turn", CancellationToken.None);
        }

        var after = await Store.GetAsync(Collection, "turn", CancellationToken.None);
        var next = await Store.PutAsync(Write("turn", """{"question":5}""", 2), CancellationToken.None);

        Assert.Equal(("""{"question":4}""", 2L), (during?.Json, during?.Version ?? 0));
        Assert.Equal(("""{"question":4}""", 2L), (after?.Json, after?.Version ?? 0));
        Assert.Equal(WriteResult.Written(3), next);
    }

    [ConformanceFact]
    public async Task Records_written_by_one_instance_are_read_by_another()
    {
        await Store.PutAsync(Write("shared", "{\"a\":1}", 0, due: Start), CancellationToken.None);
        var restarted = await OpenAsync();

        var seen = await restarted.GetAsync(Collection, "shared", CancellationToken.None);

        Assert.Equal(("{\"a\":1}", 1L, (DateTimeOffset?)Start), (seen?.Json, seen?.Version ?? 0, seen?.DueAt));
    }
}
