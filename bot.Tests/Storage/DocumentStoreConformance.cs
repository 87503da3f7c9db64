using System.Text;
using FlywheelBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// The semantics every <see cref="IDocumentStore"/> must have, written once and run against each provider (and the
/// in-memory test double, so feature tests that use it see the real behaviour).
/// </summary>
public abstract class DocumentStoreConformance : IAsyncLifetime
{
    protected const string Collection = "things";

    private readonly List<object> _opened = [];
    private IDocumentStore? _store;

    protected static DateTimeOffset Start { get; } = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected IDocumentStore Store => _store ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        await PrepareAsync();
        _store = await OpenAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var opened in _opened)
        {
            if (opened is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (opened is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        await CleanUpAsync();
    }

    /// <summary>Creates this test's empty database (nothing migrated yet).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>A store on this test's database: a separate instance with its own connections where the provider has them.</summary>
    protected abstract IDocumentStore CreateStore();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    protected Task<IDocumentStore> OpenAsync()
    {
        var store = CreateStore();
        if (!_opened.Contains(store))
        {
            _opened.Add(store);
        }

        return Task.FromResult(store);
    }

    protected static DocumentWrite Write(string key, string json, long? expected, DateTimeOffset? due = null, DateTimeOffset? expires = null) =>
        new(Collection, key, json, expected, due, expires);

    [ConformanceFact]
    public async Task Get_returns_null_for_a_record_never_written()
    {
        Assert.Null(await Store.GetAsync(Collection, "nobody", CancellationToken.None));
    }

    [ConformanceFact]
    public async Task Keys_of_any_length_are_written_read_updated_and_deleted_and_long_ones_stay_distinct()
    {
        var shared = new string('k', 3000);
        var first = shared + "-first-\u00e9\u4e2d";
        var second = shared + "-second";
        var huge = new string('\u4e2d', 70_000);

        Assert.Equal(WriteResult.Written(1), await Store.PutAsync(Write(first, "1", 0), CancellationToken.None));
        Assert.Equal(WriteResult.Written(1), await Store.PutAsync(Write(second, "2", 0), CancellationToken.None));
        Assert.Equal(WriteResult.Written(1), await Store.PutAsync(Write(huge, "3", 0), CancellationToken.None));
        Assert.Equal(WriteResult.Written(2), await Store.PutAsync(Write(first, "1b", 1), CancellationToken.None));

        var read = await Store.GetAsync(Collection, first, CancellationToken.None);
        Assert.Equal((first, "1b", 2L), (read?.Key, read?.Json, read?.Version ?? 0));
        Assert.Equal("2", (await Store.GetAsync(Collection, second, CancellationToken.None))?.Json);
        Assert.Equal("3", (await Store.GetAsync(Collection, huge, CancellationToken.None))?.Json);
        Assert.Equal(2, (await Store.ListAsync(Collection, "kkk", 10, CancellationToken.None)).Count);
        Assert.True(await Store.DeleteAsync(Collection, first, expectedVersion: 2, CancellationToken.None));
        Assert.Null(await Store.GetAsync(Collection, first, CancellationToken.None));
        Assert.NotNull(await Store.GetAsync(Collection, second, CancellationToken.None));
    }

    [ConformanceFact]
    public async Task Insert_if_absent_succeeds_once_and_then_conflicts()
    {
        var first = await Store.PutAsync(Write("a", """{"n":1}""", 0), CancellationToken.None);
        var second = await Store.PutAsync(Write("a", """{"n":2}""", 0), CancellationToken.None);

        Assert.Equal(WriteResult.Written(1), first);
        Assert.Equal(WriteResult.Conflict(1), second);
        var stored = await Store.GetAsync(Collection, "a", CancellationToken.None);
        Assert.Equal("""{"n":1}""", stored?.Json);
        Assert.Equal(1, stored?.Version);
    }

    [ConformanceFact]
    public async Task Write_against_the_current_version_succeeds_and_increments_it()
    {
        await Store.PutAsync(Write("a", "1", 0), CancellationToken.None);
        var second = await Store.PutAsync(Write("a", "2", 1), CancellationToken.None);
        var third = await Store.PutAsync(Write("a", "3", 2), CancellationToken.None);

        Assert.Equal(WriteResult.Written(2), second);
        Assert.Equal(WriteResult.Written(3), third);
        var stored = await Store.GetAsync(Collection, "a", CancellationToken.None);
        Assert.Equal(("3", 3L), (stored?.Json, stored?.Version ?? 0));
    }

    [ConformanceFact]
    public async Task Write_against_a_stale_version_conflicts_and_keeps_the_stored_record()
    {
        await Store.PutAsync(Write("a", "1", 0), CancellationToken.None);
        await Store.PutAsync(Write("a", "2", 1), CancellationToken.None);

        var stale = await Store.PutAsync(Write("a", "lost", 1), CancellationToken.None);

        Assert.Equal(WriteResult.Conflict(2), stale);
        Assert.Equal("2", (await Store.GetAsync(Collection, "a", CancellationToken.None))?.Json);
    }

    [ConformanceFact]
    public async Task Write_expecting_a_version_of_an_absent_record_conflicts_and_creates_nothing()
    {
        var result = await Store.PutAsync(Write("ghost", "1", 3), CancellationToken.None);

        Assert.Equal(WriteResult.Conflict(0), result);
        Assert.Null(await Store.GetAsync(Collection, "ghost", CancellationToken.None));
    }

    [ConformanceFact]
    public async Task Unconditional_write_creates_and_then_overwrites_whatever_is_stored()
    {
        var created = await Store.PutAsync(Write("a", "1", null), CancellationToken.None);
        var overwritten = await Store.PutAsync(Write("a", "2", null), CancellationToken.None);

        Assert.Equal(WriteResult.Written(1), created);
        Assert.Equal(WriteResult.Written(2), overwritten);
        Assert.Equal("2", (await Store.GetAsync(Collection, "a", CancellationToken.None))?.Json);
    }

    [ConformanceFact]
    public async Task Delete_with_the_current_version_removes_the_record()
    {
        await Store.PutAsync(Write("a", "1", 0), CancellationToken.None);

        Assert.True(await Store.DeleteAsync(Collection, "a", 1, CancellationToken.None));
        Assert.Null(await Store.GetAsync(Collection, "a", CancellationToken.None));
    }

    [ConformanceFact]
    public async Task Delete_with_a_stale_version_keeps_the_record()
    {
        await Store.PutAsync(Write("a", "1", 0), CancellationToken.None);
        await Store.PutAsync(Write("a", "2", 1), CancellationToken.None);

        Assert.False(await Store.DeleteAsync(Collection, "a", 1, CancellationToken.None));
        Assert.Equal("2", (await Store.GetAsync(Collection, "a", CancellationToken.None))?.Json);
    }

    [ConformanceFact]
    public async Task Delete_without_a_version_removes_the_record_and_reports_absent_ones()
    {
        await Store.PutAsync(Write("a", "1", 0), CancellationToken.None);
        await Store.PutAsync(Write("a", "2", 1), CancellationToken.None);

        Assert.True(await Store.DeleteAsync(Collection, "a", null, CancellationToken.None));
        Assert.False(await Store.DeleteAsync(Collection, "a", null, CancellationToken.None));
        Assert.Null(await Store.GetAsync(Collection, "a", CancellationToken.None));
    }

    [ConformanceFact]
    public async Task A_deleted_record_can_be_inserted_again()
    {
        await Store.PutAsync(Write("a", "1", 0), CancellationToken.None);
        await Store.DeleteAsync(Collection, "a", 1, CancellationToken.None);

        var again = await Store.PutAsync(Write("a", "new", 0), CancellationToken.None);

        Assert.True(again.Succeeded);
        Assert.Equal("new", (await Store.GetAsync(Collection, "a", CancellationToken.None))?.Json);
    }

    [ConformanceFact]
    public async Task Collections_are_separate_namespaces()
    {
        await Store.PutAsync(new DocumentWrite("one", "k", "1", 0), CancellationToken.None);
        await Store.PutAsync(new DocumentWrite("two", "k", "2", 0), CancellationToken.None);

        Assert.Equal("1", (await Store.GetAsync("one", "k", CancellationToken.None))?.Json);
        Assert.Equal("2", (await Store.GetAsync("two", "k", CancellationToken.None))?.Json);
        Assert.Equal("two", (await Store.GetAsync("two", "k", CancellationToken.None))?.Collection);
    }

    [ConformanceFact]
    public async Task List_returns_records_with_the_prefix_in_key_order_up_to_the_limit()
    {
        foreach (var key in new[] { "team:b:3", "team:a:2", "team:a:10", "team:a:1", "teams", "team:", "other:a" })
        {
            await Store.PutAsync(Write(key, "{}", 0), CancellationToken.None);
        }

        await Store.PutAsync(new DocumentWrite("elsewhere", "team:a:0", "{}", 0), CancellationToken.None);

        var all = await Store.ListAsync(Collection, "team:a:", 100, CancellationToken.None);
        var firstTwo = await Store.ListAsync(Collection, "team:", 2, CancellationToken.None);
        var everything = await Store.ListAsync(Collection, "", 100, CancellationToken.None);

        Assert.Equal(["team:a:1", "team:a:10", "team:a:2"], all.Select(d => d.Key));
        Assert.Equal(["team:", "team:a:1"], firstTwo.Select(d => d.Key));
        Assert.Equal(7, everything.Count);
        Assert.All(all, d => Assert.Equal(Collection, d.Collection));
    }

    [ConformanceFact]
    public async Task List_treats_sql_wildcards_in_the_prefix_literally()
    {
        foreach (var key in new[] { "a%b", "axb", "a_c", "abc", "a*d", "a[1]" })
        {
            await Store.PutAsync(Write(key, "{}", 0), CancellationToken.None);
        }

        Assert.Equal(["a%b"], (await Store.ListAsync(Collection, "a%", 10, CancellationToken.None)).Select(d => d.Key));
        Assert.Equal(["a_c"], (await Store.ListAsync(Collection, "a_", 10, CancellationToken.None)).Select(d => d.Key));
        Assert.Equal(["a*d"], (await Store.ListAsync(Collection, "a*", 10, CancellationToken.None)).Select(d => d.Key));
        Assert.Equal(["a[1]"], (await Store.ListAsync(Collection, "a[", 10, CancellationToken.None)).Select(d => d.Key));
    }

    [ConformanceFact]
    public async Task List_is_case_sensitive_and_orders_by_code_point()
    {
        foreach (var key in new[] { "k:b", "k:B", "k:a", "K:a", "k:é", "k:Z" })
        {
            await Store.PutAsync(Write(key, "{}", 0), CancellationToken.None);
        }

        var listed = await Store.ListAsync(Collection, "k:", 10, CancellationToken.None);

        Assert.Equal(["k:B", "k:Z", "k:a", "k:b", "k:é"], listed.Select(d => d.Key));
    }

    [ConformanceFact]
    public async Task List_due_returns_only_due_records_earliest_first_up_to_the_limit()
    {
        var now = Start.AddHours(1);
        await Store.PutAsync(Write("late", "{}", 0, due: now.AddMinutes(-1)), CancellationToken.None);
        await Store.PutAsync(Write("early", "{}", 0, due: now.AddDays(-2)), CancellationToken.None);
        await Store.PutAsync(Write("exactly", "{}", 0, due: now), CancellationToken.None);
        await Store.PutAsync(Write("future", "{}", 0, due: now.AddSeconds(1)), CancellationToken.None);
        await Store.PutAsync(Write("never", "{}", 0), CancellationToken.None);
        await Store.PutAsync(new DocumentWrite("elsewhere", "x", "{}", 0, now.AddDays(-9)), CancellationToken.None);

        var due = await Store.ListDueAsync(Collection, now, 10, CancellationToken.None);
        var first = await Store.ListDueAsync(Collection, now, 1, CancellationToken.None);

        Assert.Equal(["early", "late", "exactly"], due.Select(d => d.Key));
        Assert.Equal(["early"], first.Select(d => d.Key));
    }

    [ConformanceFact]
    public async Task Claiming_a_due_record_by_version_succeeds_for_exactly_one_claimer()
    {
        var other = await OpenAsync();
        await Store.PutAsync(Write("check-in", "{}", 0, due: Start), CancellationToken.None);
        var seenByA = (await Store.ListDueAsync(Collection, Start, 10, CancellationToken.None)).Single();
        var seenByB = (await other.ListDueAsync(Collection, Start, 10, CancellationToken.None)).Single();

        var a = await Store.PutAsync(Write("check-in", "{}", seenByA.Version, due: Start.AddDays(7)), CancellationToken.None);
        var b = await other.PutAsync(Write("check-in", "{}", seenByB.Version, due: Start.AddDays(7)), CancellationToken.None);

        Assert.True(a.Succeeded);
        Assert.False(b.Succeeded);
        Assert.Empty(await other.ListDueAsync(Collection, Start.AddDays(1), 10, CancellationToken.None));
    }

    [ConformanceFact]
    public async Task Expired_records_are_hidden_from_reads_and_listings()
    {
        await Store.PutAsync(Write("short", "{}", 0, due: Start, expires: Start.AddMinutes(5)), CancellationToken.None);
        await Store.PutAsync(Write("long", "{}", 0, due: Start, expires: Start.AddDays(5)), CancellationToken.None);

        Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(await Store.GetAsync(Collection, "short", CancellationToken.None));
        Assert.NotNull(await Store.GetAsync(Collection, "long", CancellationToken.None));
        Assert.Equal(["long"], (await Store.ListAsync(Collection, "", 10, CancellationToken.None)).Select(d => d.Key));
        Assert.Equal(["long"], (await Store.ListDueAsync(Collection, Clock.GetUtcNow(), 10, CancellationToken.None)).Select(d => d.Key));
    }

    [ConformanceFact]
    public async Task An_expired_record_counts_as_absent_for_writes()
    {
        await Store.PutAsync(Write("a", "old", 0, expires: Start.AddMinutes(1)), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(2));

        var stale = await Store.PutAsync(Write("a", "stale", 1), CancellationToken.None);
        var fresh = await Store.PutAsync(Write("a", "fresh", 0), CancellationToken.None);
        var next = await Store.PutAsync(Write("a", "next", fresh.Version), CancellationToken.None);

        Assert.Equal(WriteResult.Conflict(0), stale);
        Assert.True(fresh.Succeeded);
        Assert.True(next.Succeeded);
        var stored = await Store.GetAsync(Collection, "a", CancellationToken.None);
        Assert.Equal(("next", next.Version), (stored?.Json, stored?.Version ?? 0));
        Assert.Null(stored?.ExpiresAt);
    }

    [ConformanceFact]
    public async Task Purge_removes_only_expired_records_and_counts_them()
    {
        for (var i = 0; i < 3; i++)
        {
            await Store.PutAsync(Write($"old{i}", "{}", 0, expires: Start.AddMinutes(1)), CancellationToken.None);
        }

        await Store.PutAsync(Write("young", "{}", 0, expires: Start.AddDays(1)), CancellationToken.None);
        await Store.PutAsync(Write("forever", "{}", 0), CancellationToken.None);

        var early = await Store.PurgeExpiredAsync(Start, CancellationToken.None);
        var purged = await Store.PurgeExpiredAsync(Start.AddHours(1), CancellationToken.None);
        var again = await Store.PurgeExpiredAsync(Start.AddHours(1), CancellationToken.None);

        Assert.Equal((0, 3, 0), (early, purged, again));
        Assert.Equal(["forever", "young"], (await Store.ListAsync(Collection, "", 10, CancellationToken.None)).Select(d => d.Key));
    }

    [ConformanceFact]
    public async Task Purge_handles_more_records_than_one_batch()
    {
        for (var i = 0; i < 1_203; i++)
        {
            await Store.PutAsync(Write($"old{i:D5}", "{}", null, expires: Start.AddMinutes(1)), CancellationToken.None);
        }

        Assert.Equal(1_203, await Store.PurgeExpiredAsync(Start.AddHours(1), CancellationToken.None));
        Assert.Empty(await Store.ListAsync(Collection, "", 10, CancellationToken.None));
    }

    [ConformanceFact]
    public async Task Times_round_trip_as_the_same_utc_instant_at_millisecond_precision()
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 7, 4, 23, 59, 58, 123, TimeSpan.Zero).AddTicks(4567));
        var due = new DateTimeOffset(2026, 7, 5, 1, 30, 0, 250, TimeSpan.FromHours(2)).AddTicks(9);
        var expires = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(-8));

        await Store.PutAsync(Write("t", "{}", 0, due, expires), CancellationToken.None);
        var stored = await Store.GetAsync(Collection, "t", CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(new DateTimeOffset(2026, 7, 4, 23, 59, 58, 123, TimeSpan.Zero), stored.UpdatedAt);
        Assert.Equal(new DateTimeOffset(2026, 7, 4, 23, 30, 0, 250, TimeSpan.Zero), stored.DueAt);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 8, 0, 0, TimeSpan.Zero), stored.ExpiresAt);
        Assert.Equal(TimeSpan.Zero, stored.DueAt!.Value.Offset);
    }

    [ConformanceFact]
    public async Task Due_times_in_other_offsets_order_by_instant()
    {
        var now = Start.AddHours(1);
        await Store.PutAsync(Write("plus-two", "{}", 0, due: new DateTimeOffset(2026, 3, 1, 13, 0, 0, TimeSpan.FromHours(2))), CancellationToken.None);
        await Store.PutAsync(Write("utc", "{}", 0, due: new DateTimeOffset(2026, 3, 1, 11, 30, 0, TimeSpan.Zero)), CancellationToken.None);
        await Store.PutAsync(Write("minus-five", "{}", 0, due: new DateTimeOffset(2026, 3, 1, 8, 0, 1, TimeSpan.FromHours(-5))), CancellationToken.None);

        var due = await Store.ListDueAsync(Collection, now, 10, CancellationToken.None);

        Assert.Equal(["plus-two", "utc"], due.Select(d => d.Key));
    }

    [ConformanceFact]
    public async Task Large_json_round_trips_byte_for_byte()
    {
        var json = new StringBuilder("{\"items\":[");
        for (var i = 0; i < 40_000; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"i\":").Append(i).Append(",\"s\":\"étape ").Append(i).Append("\"}");
        }

        var text = json.Append("]}").ToString();
        await Store.PutAsync(Write("big", text, 0), CancellationToken.None);

        Assert.True(text.Length > 1_000_000);
        Assert.Equal(text, (await Store.GetAsync(Collection, "big", CancellationToken.None))?.Json);
    }

    [ConformanceTheory]
    [InlineData("o'neil", """{"name":"O'Neil \"the\" one"}""")]
    [InlineData("quote\"d;--", """{"x":"'); DROP TABLE documents; --"}""")]
    [InlineData("emoji 🚀 team", """{"x":"🚀 ключ 日本 \u0000 \\ / \t"}""")]
    [InlineData("ключ/日本/é", """{"x":"\ud83d\ude80"}""")]
    [InlineData("19:abc@thread.v2;messageid=1", "[1,2,3]")]
    public async Task Keys_and_json_with_quotes_unicode_and_escapes_round_trip(string key, string json)
    {
        await Store.PutAsync(Write(key, json, 0), CancellationToken.None);

        var stored = await Store.GetAsync(Collection, key, CancellationToken.None);
        var listed = await Store.ListAsync(Collection, key, 10, CancellationToken.None);

        Assert.Equal(json, stored?.Json);
        Assert.Equal(key, stored?.Key);
        Assert.Equal([key], listed.Select(d => d.Key));
    }

    [ConformanceFact]
    public async Task Concurrent_conditional_writes_have_exactly_one_winner_per_version()
    {
        var other = await OpenAsync();
        await Store.PutAsync(Write("hot", "0", 0), CancellationToken.None);

        for (var version = 1; version <= 5; version++)
        {
            var expected = version;
            var attempts = Enumerable.Range(0, 24).Select(i => Task.Run(() =>
                (i % 2 == 0 ? Store : other).PutAsync(Write("hot", $"{expected}:{i}", expected), CancellationToken.None)));
            var results = await Task.WhenAll(attempts);

            Assert.Single(results, r => r.Succeeded);
            Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(expected + 1, r.Version));
            Assert.Equal(expected + 1, (await Store.GetAsync(Collection, "hot", CancellationToken.None))?.Version);
        }
    }

    [ConformanceFact]
    public async Task Concurrent_inserts_if_absent_have_exactly_one_winner()
    {
        var other = await OpenAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Store : other).PutAsync(Write("new", $"{i}", 0), CancellationToken.None))));

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.Equal(1, winner.Version);
    }

    [ConformanceFact]
    public async Task Versioned_updates_from_two_store_instances_lose_no_increment()
    {
        var other = await OpenAsync();
        var first = new VersionedStore(Store, NullLogger<VersionedStore>.Instance);
        var second = new VersionedStore(other, NullLogger<VersionedStore>.Instance);
        const int PerWriter = 40;

        var updates = Enumerable.Range(0, PerWriter * 2).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).UpdateAsync(
                Collection,
                "counter",
                StorageTestJson.Default.Counter,
                current => new Counter((current.Value?.Value ?? 0) + 1, $"by {i}"),
                null,
                CancellationToken.None)));
        await Task.WhenAll(updates);

        var stored = await first.ReadAsync(Collection, "counter", StorageTestJson.Default.Counter, CancellationToken.None);
        Assert.Equal(PerWriter * 2, stored.Value?.Value);
        Assert.Equal(PerWriter * 2, stored.Version);
        Assert.Equal((0, 0), (first.ActiveKeys, second.ActiveKeys));
    }

    [ConformanceFact]
    public async Task Versioned_update_stores_the_due_time_and_expiry_derived_from_the_value()
    {
        var versioned = new VersionedStore(Store, NullLogger<VersionedStore>.Instance);

        await versioned.UpdateAsync(
            Collection,
            "c",
            StorageTestJson.Default.Counter,
            _ => new Counter(3, "x"),
            value => new DocumentOptions(Start.AddDays(value.Value), Start.AddDays(30)),
            CancellationToken.None);

        var stored = await Store.GetAsync(Collection, "c", CancellationToken.None);
        Assert.Equal("""{"value":3,"note":"x"}""", stored?.Json);
        Assert.Equal(Start.AddDays(3), stored?.DueAt);
        Assert.Equal(Start.AddDays(30), stored?.ExpiresAt);
    }

    [ConformanceTheory]
    [InlineData("{not json")]
    [InlineData("""{"value":"three"}""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task An_unreadable_record_reads_as_absent_and_the_next_update_replaces_it(string corrupt)
    {
        var versioned = new VersionedStore(Store, NullLogger<VersionedStore>.Instance);
        await Store.PutAsync(Write("broken", corrupt, 0), CancellationToken.None);
        await Store.PutAsync(Write("broken", corrupt, 1), CancellationToken.None);

        var read = await versioned.ReadAsync(Collection, "broken", StorageTestJson.Default.Counter, CancellationToken.None);
        Versioned<Counter>? seen = null;
        var updated = await versioned.UpdateAsync(
            Collection,
            "broken",
            StorageTestJson.Default.Counter,
            current => (seen = current) is { Value: null } ? new Counter(1, "restarted") : current.Value!,
            null,
            CancellationToken.None);

        Assert.Equal(new Versioned<Counter>(null, 2, true), read);
        Assert.Equal(new Versioned<Counter>(null, 2, true), seen);
        Assert.Equal(new Counter(1, "restarted"), updated);
        var after = await versioned.ReadAsync(Collection, "broken", StorageTestJson.Default.Counter, CancellationToken.None);
        Assert.Equal(new Versioned<Counter>(new Counter(1, "restarted"), 3, false), after);
    }

    [ConformanceFact]
    public async Task A_record_from_an_unknown_future_schema_reads_as_unreadable()
    {
        var versioned = new VersionedStore(Store, NullLogger<VersionedStore>.Instance);
        await Store.PutAsync(Write("future", """{"schemaVersion":2,"value":7,"renamed":true}""", 0), CancellationToken.None);
        await Store.PutAsync(Write("current", """{"schemaVersion":1,"value":7,"unknownField":true}""", 0), CancellationToken.None);

        var future = await versioned.ReadAsync(Collection, "future", StorageTestJson.Default.FutureCounter, CancellationToken.None);
        var current = await versioned.ReadAsync(Collection, "current", StorageTestJson.Default.FutureCounter, CancellationToken.None);

        Assert.Equal(new Versioned<FutureCounter>(null, 1, true), future);
        Assert.Equal(new Versioned<FutureCounter>(new FutureCounter(1, 7), 1, false), current);
    }

    private IAtomicDocumentStore Atomic => Store as IAtomicDocumentStore
        ?? throw new InvalidOperationException($"{Store.GetType().Name} has no atomic commits.");

    [ConformanceFact]
    public async Task Get_many_returns_each_record_in_the_order_asked_and_null_for_absent_or_expired_ones()
    {
        await Store.PutAsync(Write("a", """{"n":1}""", 0), CancellationToken.None);
        await Store.PutAsync(Write("old", """{"n":2}""", 0, expires: Start.AddMinutes(1)), CancellationToken.None);
        await Store.PutAsync(new DocumentWrite("other", "a", """{"n":3}""", 0), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(2));

        var found = await Atomic.GetManyAsync(
            [new DocumentKey("other", "a"), new DocumentKey(Collection, "missing"), new DocumentKey(Collection, "old"), new DocumentKey(Collection, "a")],
            CancellationToken.None);

        Assert.Equal(["""{"n":3}""", null, null, """{"n":1}"""], found.Select(d => d?.Json));
        Assert.Equal(Collection, found[3]!.Collection);
        Assert.Equal(1, found[3]!.Version);
    }

    [ConformanceFact]
    public async Task A_commit_whose_expectations_hold_writes_every_record_and_returns_their_versions()
    {
        await Store.PutAsync(Write("a", """{"n":1}""", 0), CancellationToken.None);
        await Store.PutAsync(Write("checked", """{"n":1}""", 0), CancellationToken.None);

        var versions = await Atomic.CommitAsync(
            [Write("a", """{"n":2}""", 1, expires: Start.AddDays(1)), Write("new", """{"n":1}""", 0), Write("any", """{"n":1}""", null)],
            [new DocumentCheck(Collection, "checked", 1), new DocumentCheck(Collection, "never-written", 0)],
            CancellationToken.None);

        Assert.Equal([2L, 1L, 1L], versions);
        var a = await Store.GetAsync(Collection, "a", CancellationToken.None);
        Assert.Equal(("""{"n":2}""", 2L, (DateTimeOffset?)Start.AddDays(1)), (a!.Json, a.Version, a.ExpiresAt));
        Assert.Equal(1, (await Store.GetAsync(Collection, "new", CancellationToken.None))!.Version);
        Assert.Equal(1, (await Store.GetAsync(Collection, "checked", CancellationToken.None))!.Version);
    }

    [ConformanceFact]
    public async Task A_commit_with_a_check_that_no_longer_holds_writes_nothing()
    {
        await Store.PutAsync(Write("checked", """{"n":1}""", 0), CancellationToken.None);
        await Store.PutAsync(Write("checked", """{"n":2}""", 1), CancellationToken.None);

        var versions = await Atomic.CommitAsync(
            [Write("a", """{"n":1}""", 0)],
            [new DocumentCheck(Collection, "checked", 1)],
            CancellationToken.None);

        Assert.Null(versions);
        Assert.Null(await Store.GetAsync(Collection, "a", CancellationToken.None));
    }

    [ConformanceFact]
    public async Task A_commit_with_one_stale_write_writes_none_of_its_writes()
    {
        await Store.PutAsync(Write("a", """{"n":1}""", 0), CancellationToken.None);
        await Store.PutAsync(Write("b", """{"n":1}""", 0), CancellationToken.None);
        await Store.PutAsync(Write("b", """{"n":2}""", 1), CancellationToken.None);

        // The first write would succeed alone; the second expects a version that is gone, so neither happens.
        var versions = await Atomic.CommitAsync([Write("a", """{"n":9}""", 1), Write("b", """{"n":9}""", 1)], [], CancellationToken.None);
        var insertOverExisting = await Atomic.CommitAsync([Write("c", """{"n":9}""", 0), Write("a", """{"n":9}""", 0)], [], CancellationToken.None);

        Assert.Null(versions);
        Assert.Null(insertOverExisting);
        Assert.Equal(("""{"n":1}""", 1L), await JsonAndVersion("a"));
        Assert.Equal(("""{"n":2}""", 2L), await JsonAndVersion("b"));
        Assert.Null(await Store.GetAsync(Collection, "c", CancellationToken.None));
    }

    [ConformanceFact]
    public async Task A_check_for_absence_holds_for_an_expired_record_and_fails_for_a_live_one()
    {
        await Store.PutAsync(Write("gone", """{"n":1}""", 0, expires: Start.AddMinutes(1)), CancellationToken.None);
        await Store.PutAsync(Write("here", """{"n":1}""", 0), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(2));

        var overExpired = await Atomic.CommitAsync([Write("x", """{"n":1}""", 0)], [new DocumentCheck(Collection, "gone", 0)], CancellationToken.None);
        var overLive = await Atomic.CommitAsync([Write("y", """{"n":1}""", 0)], [new DocumentCheck(Collection, "here", 0)], CancellationToken.None);

        Assert.Equal([1L], overExpired);
        Assert.Null(overLive);
        Assert.Null(await Store.GetAsync(Collection, "y", CancellationToken.None));
    }

    [ConformanceFact]
    public async Task Long_keys_are_found_checked_and_committed_by_the_atomic_paths_as_by_the_single_ones()
    {
        var shared = new string('k', 3000);
        var first = shared + "-first";
        var second = shared + "-second";
        await Store.PutAsync(Write(first, """{"n":1}""", 0), CancellationToken.None);

        var found = await Atomic.GetManyAsync([new DocumentKey(Collection, first), new DocumentKey(Collection, second)], CancellationToken.None);
        var versions = await Atomic.CommitAsync(
            [Write(first, """{"n":2}""", 1), Write(second, """{"n":1}""", 0)],
            [new DocumentCheck(Collection, first, 1)],
            CancellationToken.None);
        var stale = await Atomic.CommitAsync([Write(second, """{"n":9}""", 0)], [new DocumentCheck(Collection, first, 1)], CancellationToken.None);

        Assert.Equal((first, 1L), (found[0]?.Key, found[0]?.Version ?? 0));
        Assert.Null(found[1]);
        Assert.Equal([2L, 1L], versions);
        Assert.Null(stale);
        Assert.Equal(("""{"n":2}""", 2L), await JsonAndVersion(first));
        Assert.Equal(("""{"n":1}""", 1L), await JsonAndVersion(second));
        Assert.Equal(second, (await Store.GetAsync(Collection, second, CancellationToken.None))?.Key);
    }

    [ConformanceFact]
    public async Task A_commit_with_ensured_records_and_reads_stores_all_and_reads_what_it_wrote()
    {
        await Store.PutAsync(Write("kept", """{"n":1}""", 0), CancellationToken.None);
        await Store.PutAsync(Write("lapsed", """{"n":1}""", 0, expires: Start.AddMinutes(1)), CancellationToken.None);
        await Store.PutAsync(Write("checked", """{"n":1}""", 0), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(2));

        var result = await Atomic.CommitAsync(
            new AtomicCommit(
                [Write("claim", """{"n":1}""", 0)],
                [new DocumentCheck(Collection, "checked", 1)],
                [Write("kept", """{"n":2}""", null), Write("lapsed", """{"n":2}""", null), Write("fresh", """{"n":2}""", null, expires: Start.AddDays(1))],
                [new DocumentKey(Collection, "claim"), new DocumentKey(Collection, "kept"), new DocumentKey(Collection, "lapsed"),
                    new DocumentKey(Collection, "fresh"), new DocumentKey(Collection, "missing")]),
            CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal([1L], result.Versions);

        // Ensured: a live record is left as it was; an expired one counts as absent and is replaced (its version counts on).
        Assert.Equal(
            ["""{"n":1}""", """{"n":1}""", """{"n":2}""", """{"n":2}""", null],
            result.Read.Select(d => d?.Json));
        Assert.Equal([1L, 1L, 2L, 1L], result.Read.Take(4).Select(d => d!.Version));
        Assert.Equal(("fresh", (DateTimeOffset?)Start.AddDays(1)), (result.Read[3]!.Key, result.Read[3]!.ExpiresAt));
        Assert.Equal(("""{"n":1}""", 1L), await JsonAndVersion("kept"));
        Assert.Equal(("""{"n":2}""", 1L), await JsonAndVersion("fresh"));
    }

    [ConformanceFact]
    public async Task A_commit_whose_expectation_fails_ensures_nothing_and_reads_nothing()
    {
        await Store.PutAsync(Write("claim", """{"n":1}""", 0), CancellationToken.None);

        var result = await Atomic.CommitAsync(
            new AtomicCommit([Write("claim", """{"n":2}""", 0), Write("other", """{"n":2}""", null)], [], [Write("ensured", """{"n":2}""", null)], [new DocumentKey(Collection, "claim")], DeferFlush: true),
            CancellationToken.None);

        Assert.Null(result);
        Assert.Null(await Store.GetAsync(Collection, "ensured", CancellationToken.None));
        Assert.Null(await Store.GetAsync(Collection, "other", CancellationToken.None));
        Assert.Equal(("""{"n":1}""", 1L), await JsonAndVersion("claim"));
    }

    [ConformanceFact]
    public async Task A_commit_with_a_deferred_flush_is_stored_and_read_back_like_any_other()
    {
        var result = await Atomic.CommitAsync(
            new AtomicCommit([Write("claim", """{"n":1}""", 0)], [], [], [new DocumentKey(Collection, "claim")], DeferFlush: true),
            CancellationToken.None);
        var again = await Atomic.CommitAsync(
            new AtomicCommit([Write("claim", """{"n":1}""", 0)], [], [Write("ensured", """{"n":1}""", null)], [new DocumentKey(Collection, "claim")], DeferFlush: true),
            CancellationToken.None);

        Assert.Equal([1L], result!.Versions);
        Assert.Equal("""{"n":1}""", result.Read[0]!.Json);
        Assert.Null(again);
        Assert.Null(await Store.GetAsync(Collection, "ensured", CancellationToken.None));
        Assert.Equal(("""{"n":1}""", 1L), await JsonAndVersion("claim"));
    }

    [ConformanceFact]
    public async Task A_commit_refuses_an_invalid_key_in_any_of_its_parts_before_writing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Atomic.CommitAsync(
            new AtomicCommit([Write("fine", """{"n":1}""", 0)], [], [], [new DocumentKey(Collection, "")]), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Atomic.CommitAsync(
            new AtomicCommit([Write("fine", """{"n":1}""", 0)], [], [Write("bad\0key", "{}", null)], []), CancellationToken.None));

        Assert.Null(await Store.GetAsync(Collection, "fine", CancellationToken.None));
    }

    [ConformanceFact]
    public async Task Commits_of_different_shapes_one_after_another_each_check_and_write_exactly_their_own_records()
    {
        await Store.PutAsync(Write("u", """{"n":1}""", 0), CancellationToken.None);
        await Store.PutAsync(Write("checked", """{"n":1}""", 0), CancellationToken.None);
        DocumentCheck[] checks = [new DocumentCheck(Collection, "checked", 1)];

        var two = await Atomic.CommitAsync([Write("i1", """{"n":1}""", 0), Write("i2", """{"n":2}""", 0)], [], CancellationToken.None);
        var withCheck = await Atomic.CommitAsync([Write("i3", """{"n":3}""", 0), Write("u", """{"n":2}""", 1)], checks, CancellationToken.None);
        var always = await Atomic.CommitAsync([Write("u", """{"n":3}""", 2), Write("a", """{"n":1}""", null)], [new DocumentCheck(Collection, "checked", 1), new DocumentCheck(Collection, "none", 0)], CancellationToken.None);
        var staleCheck = await Atomic.CommitAsync([Write("i4", """{"n":4}""", 0), Write("u", """{"n":9}""", 3)], [new DocumentCheck(Collection, "checked", 2)], CancellationToken.None);
        var staleWrite = await Atomic.CommitAsync([Write("i5", """{"n":5}""", 0), Write("i1", """{"n":9}""", 0)], [], CancellationToken.None);

        Assert.Equal([1L, 1L], two);
        Assert.Equal([1L, 2L], withCheck);
        Assert.Equal([3L, 1L], always);
        Assert.Null(staleCheck);
        Assert.Null(staleWrite);
        Assert.Equal(("""{"n":3}""", 3L), await JsonAndVersion("u"));
        Assert.Equal(("""{"n":1}""", 1L), await JsonAndVersion("i1"));
        Assert.Null(await Store.GetAsync(Collection, "i4", CancellationToken.None));
        Assert.Null(await Store.GetAsync(Collection, "i5", CancellationToken.None));
    }

    [ConformanceFact]
    public async Task A_deferred_insert_rides_with_the_flows_next_commit_and_leaves_the_commits_own_versions_as_they_are()
    {
        await Store.PutAsync(Write("state", """{"n":1}""", 0), CancellationToken.None);
        var insert = new DeferredInsert(Atomic, Write("claim", """{"c":1}""", 0));

        CommitResult? result;
        using (DeferredInsert.Enter(insert))
        {
            Assert.Null(await Store.GetAsync(Collection, "claim", CancellationToken.None));
            result = await Atomic.CommitAsync(new AtomicCommit([Write("state", """{"n":2}""", 1)], [], [], [new DocumentKey(Collection, "claim")]), CancellationToken.None);

            // Stored once: a second commit of the flow does not carry it again.
            Assert.NotNull(await Atomic.CommitAsync([Write("state", """{"n":3}""", 2)], [], CancellationToken.None));
        }

        Assert.True(insert.Stored);
        Assert.Equal([2L], result!.Versions);
        Assert.Equal("""{"c":1}""", result.Read[0]!.Json);
        Assert.Equal(("""{"c":1}""", 1L), await JsonAndVersion("claim"));
        Assert.Equal(("""{"n":3}""", 3L), await JsonAndVersion("state"));
    }

    [ConformanceFact]
    public async Task A_deferred_insert_whose_key_is_taken_fails_the_flows_commit_and_every_later_write_of_the_flow()
    {
        await Store.PutAsync(Write("state", """{"n":1}""", 0), CancellationToken.None);
        await Store.PutAsync(Write("claim", """{"other":true}""", 0), CancellationToken.None);
        var insert = new DeferredInsert(Atomic, Write("claim", """{"c":1}""", 0));

        using (DeferredInsert.Enter(insert))
        {
            await Assert.ThrowsAsync<DeferredInsertTakenException>(() => Atomic.CommitAsync([Write("state", """{"n":2}""", 1)], [], CancellationToken.None));
            await Assert.ThrowsAsync<DeferredInsertTakenException>(() => Store.PutAsync(Write("state", """{"n":2}""", null), CancellationToken.None));
            await Assert.ThrowsAsync<DeferredInsertTakenException>(() => DeferredInsert.SettleCurrentAsync(CancellationToken.None));
        }

        Assert.False(insert.Stored);
        Assert.Equal(("""{"n":1}""", 1L), await JsonAndVersion("state"));
        Assert.Equal(("""{"other":true}""", 1L), await JsonAndVersion("claim"));

        // Outside the flow the store is as usual.
        Assert.NotNull(await Atomic.CommitAsync([Write("state", """{"n":2}""", 1)], [], CancellationToken.None));
    }

    [ConformanceFact]
    public async Task A_deferred_insert_stays_pending_when_another_expectation_of_the_commit_fails_and_rides_with_the_retry()
    {
        await Store.PutAsync(Write("state", """{"n":1}""", 0), CancellationToken.None);
        var insert = new DeferredInsert(Atomic, Write("claim", """{"c":1}""", 0));

        using (DeferredInsert.Enter(insert))
        {
            Assert.Null(await Atomic.CommitAsync([Write("state", """{"n":2}""", 7)], [], CancellationToken.None));
            Assert.False(insert.Stored);
            Assert.Null(await Store.GetAsync(Collection, "claim", CancellationToken.None));

            Assert.NotNull(await Atomic.CommitAsync([Write("state", """{"n":2}""", 1)], [], CancellationToken.None));
        }

        Assert.True(insert.Stored);
        Assert.Equal(("""{"c":1}""", 1L), await JsonAndVersion("claim"));
    }

    [ConformanceFact]
    public async Task A_put_or_delete_in_the_flow_stores_the_deferred_insert_first_and_a_settle_stores_it_alone()
    {
        var beforePut = new DeferredInsert(Atomic, Write("claim-1", """{"c":1}""", 0));
        using (DeferredInsert.Enter(beforePut))
        {
            await Store.PutAsync(Write("x", """{"n":1}""", null), CancellationToken.None);
        }

        var beforeDelete = new DeferredInsert(Atomic, Write("claim-2", """{"c":2}""", 0));
        using (DeferredInsert.Enter(beforeDelete))
        {
            Assert.True(await Store.DeleteAsync(Collection, "x", null, CancellationToken.None));
        }

        var settled = new DeferredInsert(Atomic, Write("claim-3", """{"c":3}""", 0));
        using (DeferredInsert.Enter(settled))
        {
            await DeferredInsert.SettleCurrentAsync(CancellationToken.None);
            await DeferredInsert.SettleCurrentAsync(CancellationToken.None);
        }

        Assert.True(beforePut.Stored && beforeDelete.Stored && settled.Stored);
        foreach (var key in new[] { "claim-1", "claim-2", "claim-3" })
        {
            Assert.Equal(1L, (await JsonAndVersion(key)).Item2);
        }

        Assert.Null(await Store.GetAsync(Collection, "x", CancellationToken.None));
    }

    [ConformanceFact]
    public async Task An_abandoned_deferred_insert_is_not_stored_and_commits_on_another_store_never_carry_one()
    {
        var abandoned = new DeferredInsert(Atomic, Write("claim", """{"c":1}""", 0));
        var elsewhere = new DeferredInsert(new InMemoryDocumentStore(Clock), Write("claim-elsewhere", """{"c":2}""", 0));
        using (DeferredInsert.Enter(abandoned))
        {
            Assert.True(await abandoned.AbandonAsync());
            Assert.NotNull(await Atomic.CommitAsync([Write("a", """{"n":1}""", 0)], [], CancellationToken.None));
            await DeferredInsert.SettleCurrentAsync(CancellationToken.None);
        }

        using (DeferredInsert.Enter(elsewhere))
        {
            Assert.NotNull(await Atomic.CommitAsync([Write("b", """{"n":1}""", 0)], [], CancellationToken.None));
        }

        Assert.False(abandoned.Stored);
        Assert.False(await abandoned.AbandonAsync());
        Assert.False(elsewhere.Stored);
        Assert.Null(await Store.GetAsync(Collection, "claim", CancellationToken.None));
        Assert.Null(await Store.GetAsync(Collection, "claim-elsewhere", CancellationToken.None));
        Assert.NotNull(await Store.GetAsync(Collection, "b", CancellationToken.None));
    }

    [ConformanceFact]
    public async Task Commits_of_one_flow_that_race_store_its_deferred_insert_once()
    {
        var insert = new DeferredInsert(Atomic, Write("claim", """{"c":1}""", 0));
        IReadOnlyList<long>?[] results;
        using (DeferredInsert.Enter(insert))
        {
            results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Atomic.CommitAsync([Write($"r{i}", """{"n":1}""", 0)], [], CancellationToken.None))));
        }

        Assert.All(results, r => Assert.Equal([1L], r));
        Assert.True(insert.Stored);
        Assert.Equal(("""{"c":1}""", 1L), await JsonAndVersion("claim"));
    }

    private async Task<(string, long)> JsonAndVersion(string key)
    {
        var document = await Store.GetAsync(Collection, key, CancellationToken.None);
        return (document!.Json, document.Version);
    }
}
