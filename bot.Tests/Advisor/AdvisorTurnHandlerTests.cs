using System.Collections.Immutable;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.History;
using FlywheelBot.Conversations;
using FlywheelBot.Flywheel;
using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using FlywheelBot.Views;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FlywheelBot.Tests.Advisor;

public sealed class AdvisorTurnHandlerTests
{
    private const string Key = "msteams:conv-1";

    private readonly FakeTimeProvider _clock = new(TestAdvisor.Start);
    private readonly Mock<IDiagnosisRecorder> _recorder = new();

    [Fact]
    public async Task An_interceptor_that_claims_the_turn_answers_and_the_advisor_never_runs()
    {
        var docs = new InMemoryDocumentStore(_clock);
        var claimed = TurnOutput.Of(NoticeView.Say("check-ins: paused"));
        var interceptor = new Mock<ITurnInterceptor>();
        interceptor.Setup(i => i.TryHandleAsync(It.IsAny<InboundTurn>(), It.IsAny<CancellationToken>())).ReturnsAsync(claimed);

        var output = await Handler(docs, interceptor.Object).HandleAsync(InboundTurn.Message(Key, "pause check-ins"), CancellationToken.None);

        Assert.Same(claimed, output);
        Assert.Null(await docs.GetAsync(AdvisorTurnHandler.Collection, Key, CancellationToken.None));
    }

    [Fact]
    public async Task Every_interceptor_is_asked_before_the_advisor_answers()
    {
        var docs = new InMemoryDocumentStore(_clock);
        var first = new Mock<ITurnInterceptor>();
        var second = new Mock<ITurnInterceptor>();

        var output = await Handler(docs, first.Object, second.Object).HandleAsync(InboundTurn.Message(Key, "start"), CancellationToken.None);

        first.Verify(i => i.TryHandleAsync(It.IsAny<InboundTurn>(), It.IsAny<CancellationToken>()), Times.Once);
        second.Verify(i => i.TryHandleAsync(It.IsAny<InboundTurn>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.IsType<QuestionView>(Assert.Single(output.Replies));
    }

    [Fact]
    public async Task The_interview_resumes_where_it_was_after_the_bot_restarts()
    {
        var path = Path.Combine(Path.GetTempPath(), $"flywheel-advisor-{Guid.NewGuid():N}.db");
        try
        {
            using (var before = await Sqlite(path))
            {
                var handler = Handler(before);
                await Say(handler, "start");
                await Say(handler, "sdm");
            }

            using var afterRestart = await Sqlite(path);
            var output = await Say(Handler(afterRestart), "emerging");

            Assert.Equal("monthly_visitors", Assert.IsType<QuestionView>(output.Replies[^1]).QuestionId);
            var state = await Versioned(afterRestart).ReadAsync(AdvisorTurnHandler.Collection, Key, AdvisorJsonContext.Default.ConversationState, CancellationToken.None);
            Assert.Equal(Audience.Sdm, state.Value!.Interview!.Audience);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task Conversation_state_is_stored_per_conversation_with_an_expiry()
    {
        var docs = new InMemoryDocumentStore(_clock);
        await Say(Handler(docs), "start");

        var stored = await docs.GetAsync(AdvisorTurnHandler.Collection, Key, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(_clock.GetUtcNow().AddDays(30), stored.ExpiresAt);
        Assert.Null(await docs.GetAsync(AdvisorTurnHandler.Collection, "msteams:other", CancellationToken.None));
    }

    [Fact]
    public async Task The_expiry_is_the_retention_after_the_last_turn_rounded_up_to_the_hour_so_turns_within_an_hour_keep_it()
    {
        var docs = new InMemoryDocumentStore(_clock);
        var handler = Handler(docs);
        async Task<DateTimeOffset?> ExpiryAfter(TimeSpan wait, string text)
        {
            _clock.Advance(wait);
            await Say(handler, text);
            return (await docs.GetAsync(AdvisorTurnHandler.Collection, Key, CancellationToken.None))!.ExpiresAt;
        }

        var first = await ExpiryAfter(TimeSpan.FromMinutes(10), "start");
        var second = await ExpiryAfter(TimeSpan.FromMinutes(20), "sdm");
        var third = await ExpiryAfter(TimeSpan.FromMinutes(40), "emerging");

        // 09:10 and 09:30 + 30 days both expire at 10:00 (30 days later); 10:10 moves it to 11:00.
        Assert.Equal(TestAdvisor.Start.AddDays(30).AddHours(1), first);
        Assert.Equal(first, second);
        Assert.Equal(TestAdvisor.Start.AddDays(30).AddHours(2), third);
    }

    [Theory]
    [InlineData("2026-11-23T09:00:00Z", "2026-12-23T09:00:00Z")]
    [InlineData("2026-11-23T09:00:00.0000001Z", "2026-12-23T10:00:00Z")]
    [InlineData("2026-11-23T09:59:59Z", "2026-12-23T10:00:00Z")]
    [InlineData("2026-11-23T23:30:00-05:00", "2026-12-24T05:00:00Z")]
    public void A_state_is_kept_at_least_the_retention_and_less_than_an_hour_more(string updatedAt, string expires)
    {
        var retention = new ConversationStateRetention(TimeSpan.FromDays(30));

        var expiry = retention.ExpiryOf(DateTimeOffset.Parse(updatedAt, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expires, System.Globalization.CultureInfo.InvariantCulture), expiry);
        Assert.Equal(TimeSpan.Zero, expiry.Offset);
    }

    [Fact]
    public async Task An_untouched_dialog_expires_after_the_configured_retention_and_the_purge_removes_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"flywheel-advisor-{Guid.NewGuid():N}.db");
        var storage = new StorageOptions { DialogStateRetention = TimeSpan.FromDays(7) };
        try
        {
            using var docs = await Sqlite(path);
            using var purger = new ExpiredRecordPurger(docs, Options.Create(storage), _clock, NullLogger<ExpiredRecordPurger>.Instance);
            var handler = Handler(docs, storage);
            await Say(handler, "start");
            Assert.Equal(_clock.GetUtcNow().AddDays(7), (await docs.GetAsync(AdvisorTurnHandler.Collection, Key, CancellationToken.None))!.ExpiresAt);

            _clock.Advance(TimeSpan.FromDays(6));
            await Say(handler, "sdm");
            _clock.Advance(TimeSpan.FromDays(6));
            await purger.PurgeOnceAsync(CancellationToken.None);
            Assert.Equal(1, await DialogRowsAsync(path));

            _clock.Advance(TimeSpan.FromDays(1));
            await purger.PurgeOnceAsync(CancellationToken.None);
            Assert.Equal(0, await DialogRowsAsync(path));

            var output = await Say(handler, "start");
            Assert.Equal(BasicQuestions.AudienceId, Assert.IsType<QuestionView>(output.Replies[^1]).QuestionId);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task A_finished_interview_saves_the_profile_and_records_the_diagnosis()
    {
        var docs = new InMemoryDocumentStore(_clock);
        var handler = Handler(docs);
        await Say(handler, "start");
        await Say(handler, "sdm");
        await Say(handler, "new");
        var output = await Say(handler, "not sure");

        Assert.IsType<RecommendationView>(output.Replies[^1]);
        var profile = await Profiles(docs).GetAsync(Key, CancellationToken.None);
        Assert.Equal((Audience.Sdm, MarketAwareness.New), (profile!.Audience, profile.Awareness));
        _recorder.Verify(r => r.RecordAsync(Key, It.Is<Diagnosis>(d => d.Bottleneck.Stage == StageId.Awareness), "interview", _clock.GetUtcNow(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_finished_interview_stores_its_history_snapshot_in_the_turns_own_commit()
    {
        var docs = new PutCountingStore(new InMemoryDocumentStore(_clock));
        var history = new HistoryStore(docs, NullLogger<HistoryStore>.Instance);
        var handler = Handler(docs, new StorageOptions(), [Recorder(docs, history)]);

        foreach (var text in new[] { "start", "sdm", "new" })
        {
            await Say(handler, text);
        }

        var puts = docs.Puts;
        var output = await Say(handler, "not sure");

        Assert.IsType<RecommendationView>(output.Replies[^1]);
        Assert.Equal(puts, docs.Puts);
        var snapshot = Assert.Single(await history.RecentAsync(Key, 10, CancellationToken.None));
        Assert.Equal(("interview", _clock.GetUtcNow()), (snapshot.Source, snapshot.At));
    }

    [Fact]
    public async Task A_history_key_taken_in_the_same_instant_moves_a_tick_and_both_snapshots_are_kept()
    {
        var docs = new InMemoryDocumentStore(_clock);
        var history = new HistoryStore(docs, NullLogger<HistoryStore>.Instance);
        await Profiles(docs).UpdateAsync(Key, _ => Profile(), CancellationToken.None);
        var handler = Handler(docs, new StorageOptions(), [Recorder(docs, history)]);

        // Two updates at one frozen instant: the second commit meets the first snapshot's key, conflicts, and is applied again.
        await handler.HandleAsync(InboundTurn.Message(Key, "nps is 40", ConversationScope.Channel), CancellationToken.None);
        var output = await handler.HandleAsync(InboundTurn.Message(Key, "churn 3%", ConversationScope.Channel), CancellationToken.None);

        Assert.IsType<RecommendationView>(output.Replies[^1]);
        var snapshots = await history.RecentAsync(Key, 10, CancellationToken.None);
        Assert.Equal(["update", "update"], snapshots.Select(s => s.Source));
        Assert.Equal(3m, (await Profiles(docs).GetAsync(Key, CancellationToken.None))!.Metrics["monthly_churn_pct"]);
    }

    [Fact]
    public async Task A_diagnosis_answers_the_pending_check_in_it_read_in_the_turns_commit()
    {
        var docs = new InMemoryDocumentStore(_clock);
        var history = new HistoryStore(docs, NullLogger<HistoryStore>.Instance);
        var subscriptions = new CheckInRepository(docs, NullLogger<CheckInRepository>.Instance);
        await Profiles(docs).UpdateAsync(Key, _ => Profile(), CancellationToken.None);
        var handler = Handler(docs, new StorageOptions(), [Recorder(docs, history)]);
        var sentAt = _clock.GetUtcNow().AddMinutes(-5);
        await subscriptions.TryWriteAsync(Subscription() with { Pending = new PendingCheckIn("2026-W10", sentAt, sentAt.AddDays(1), false) }, 0, CancellationToken.None);
        var before = await subscriptions.GetAsync(Key, CancellationToken.None);

        await handler.HandleAsync(InboundTurn.Message(Key, "nps is 40", ConversationScope.Channel), CancellationToken.None);

        Assert.Null((await subscriptions.GetAsync(Key, CancellationToken.None)).Value!.Pending);
        Assert.NotNull(before.Value!.Pending);
    }

    [Fact]
    public async Task A_recorder_that_cannot_plan_is_told_after_the_turn_and_the_user_gets_the_advice()
    {
        var docs = new InMemoryDocumentStore(_clock);
        _recorder.Setup(r => r.Plan(It.IsAny<string>(), It.IsAny<Diagnosis>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<int>()))
            .Throws(new InvalidOperationException("cannot plan"));
        await Profiles(docs).UpdateAsync(Key, _ => Profile(), CancellationToken.None);

        var output = await Handler(docs).HandleAsync(InboundTurn.Message(Key, "nps is 40", ConversationScope.Channel), CancellationToken.None);

        Assert.IsType<RecommendationView>(output.Replies[^1]);
        _recorder.Verify(r => r.RecordAsync(Key, It.IsAny<Diagnosis>(), "update", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_metric_update_changes_the_profile_and_records_an_update()
    {
        var docs = new InMemoryDocumentStore(_clock);
        await Profiles(docs).UpdateAsync(Key, _ => Profile(), CancellationToken.None);

        var output = await Handler(docs).HandleAsync(InboundTurn.Message(Key, "visitors are 5,400 now", ConversationScope.Channel), CancellationToken.None);

        Assert.IsType<RecommendationView>(output.Replies[^1]);
        Assert.Equal(5400m, (await Profiles(docs).GetAsync(Key, CancellationToken.None))!.Metrics["monthly_visitors"]);
        _recorder.Verify(r => r.RecordAsync(Key, It.IsAny<Diagnosis>(), "update", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_failing_recorder_does_not_cost_the_user_the_advice()
    {
        var docs = new InMemoryDocumentStore(_clock);
        _recorder.Setup(r => r.RecordAsync(It.IsAny<string>(), It.IsAny<Diagnosis>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("history is down"));
        await Profiles(docs).UpdateAsync(Key, _ => Profile(), CancellationToken.None);

        var output = await Handler(docs).HandleAsync(InboundTurn.Message(Key, "nps is 40", ConversationScope.Channel), CancellationToken.None);

        Assert.IsType<RecommendationView>(output.Replies[^1]);
    }

    [Fact]
    public async Task An_unreadable_stored_state_starts_over_politely_and_is_replaced()
    {
        var docs = new InMemoryDocumentStore(_clock);
        await docs.PutAsync(new DocumentWrite(AdvisorTurnHandler.Collection, Key, "{\"mode\": [broken", null), CancellationToken.None);

        var output = await Say(Handler(docs), "emerging");

        Assert.Contains("start this over", Assert.IsType<NoticeView>(output.Replies[0]).Text, StringComparison.Ordinal);
        Assert.Equal("audience", Assert.IsType<QuestionView>(output.Replies[^1]).QuestionId);
        var next = await Say(Handler(docs), "sdm");
        Assert.Equal("awareness", Assert.IsType<QuestionView>(next.Replies[^1]).QuestionId);
    }

    [Fact]
    public async Task A_concurrent_turn_is_reapplied_so_no_answer_is_lost()
    {
        var inner = new InMemoryDocumentStore(_clock);
        await Say(Handler(inner), "start");
        await Say(Handler(inner), "sdm");
        var racing = new RacingStore(inner);
        racing.BeforeNextDialogWrite = () => Say(Handler(inner), "nps is 50");

        var output = await Say(Handler(racing), "emerging");

        var state = await Versioned(inner).ReadAsync(AdvisorTurnHandler.Collection, Key, AdvisorJsonContext.Default.ConversationState, CancellationToken.None);
        Assert.Equal(MarketAwareness.Emerging, state.Value!.Interview!.Awareness);
        Assert.Equal(50m, state.Value.Interview.Metrics["nps"]);
        Assert.Equal("monthly_visitors", Assert.IsType<QuestionView>(output.Replies[^1]).QuestionId);
    }

    [Fact]
    public async Task Concurrent_metric_updates_from_two_teammates_both_land_in_the_profile()
    {
        var docs = new InMemoryDocumentStore(_clock);
        await Profiles(docs).UpdateAsync(Key, _ => Profile(), CancellationToken.None);
        var handler = Handler(docs);

        await Task.WhenAll(
            Task.Run(() => handler.HandleAsync(InboundTurn.Message(Key, "nps is 12", ConversationScope.Channel, "ann"), CancellationToken.None)),
            Task.Run(() => handler.HandleAsync(InboundTurn.Message(Key, "churn 3%", ConversationScope.Channel, "bob"), CancellationToken.None)));

        var profile = await Profiles(docs).GetAsync(Key, CancellationToken.None);
        Assert.Equal(12m, profile!.Metrics["nps"]);
        Assert.Equal(3m, profile.Metrics["monthly_churn_pct"]);
    }

    private async Task<SqliteDocumentStore> Sqlite(string path)
    {
        var store = new SqliteDocumentStore($"Data Source={path}", new FakeTimeRealTimers(_clock), NullLogger<SqliteDocumentStore>.Instance);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    private static async Task<long> DialogRowsAsync(string path)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM documents WHERE collection = 'dialogs';";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static VersionedStore Versioned(IDocumentStore docs) => new(docs, NullLogger<VersionedStore>.Instance);

    private static Task<TurnOutput> Say(ITurnHandler handler, string text) =>
        handler.HandleAsync(InboundTurn.Message(Key, text), CancellationToken.None);

    private static VersionedTeamProfileStore Profiles(IDocumentStore docs) => new(Versioned(docs));

    private TeamProfile Profile() => new(
        Audience.Sdm,
        MarketAwareness.Emerging,
        Community.Unknown,
        ImmutableDictionary<string, decimal>.Empty.Add("monthly_visitors", 900m),
        ImmutableHashSet<string>.Empty,
        _clock.GetUtcNow());

    private AdvisorTurnHandler Handler(IDocumentStore docs, params ITurnInterceptor[] interceptors) =>
        Handler(docs, new StorageOptions(), interceptors);

    private AdvisorTurnHandler Handler(IDocumentStore docs, StorageOptions storage, params ITurnInterceptor[] interceptors) =>
        Handler(docs, storage, [_recorder.Object], interceptors);

    private static HistoryRecorder Recorder(IDocumentStore docs, HistoryStore history) =>
        new(history, new CheckInRepository(docs, NullLogger<CheckInRepository>.Instance), Options.Create(new CheckInOptions()));

    private CheckInSubscription Subscription() =>
        CheckInPlanner.Create(Key, new WeeklySchedule(DayOfWeek.Monday, new TimeOnly(9, 0), "UTC"), _clock.GetUtcNow());

    private AdvisorTurnHandler Handler(IDocumentStore docs, StorageOptions storage, IDiagnosisRecorder[] recorders, params ITurnInterceptor[] interceptors)
    {
        var store = Versioned(docs);
        return new AdvisorTurnHandler(
            TestAdvisor.Advisor,
            store,
            interceptors,
            recorders,
            _clock,
            new ConversationStateRetention(storage.DialogStateRetention),
            NullLogger<AdvisorTurnHandler>.Instance);
    }

    /// <summary>Counts single puts (a write that rides in a commit is not one).</summary>
    private sealed class PutCountingStore(InMemoryDocumentStore inner) : IDocumentStore, IAtomicDocumentStore
    {
        private int _puts;

        public int Puts => _puts;

        public Task<StoredDocument?> GetAsync(string collection, string key, CancellationToken cancellationToken) => inner.GetAsync(collection, key, cancellationToken);

        public Task<WriteResult> PutAsync(DocumentWrite write, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _puts);
            return inner.PutAsync(write, cancellationToken);
        }

        public Task<bool> DeleteAsync(string collection, string key, long? expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(collection, key, expectedVersion, cancellationToken);

        public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string keyPrefix, int limit, CancellationToken cancellationToken) => inner.ListAsync(collection, keyPrefix, limit, cancellationToken);

        public Task<IReadOnlyList<StoredDocument>> ListDueAsync(string collection, DateTimeOffset now, int limit, CancellationToken cancellationToken) => inner.ListDueAsync(collection, now, limit, cancellationToken);

        public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.PurgeExpiredAsync(now, cancellationToken);

        public Task<IReadOnlyList<StoredDocument?>> GetManyAsync(IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken) => inner.GetManyAsync(keys, cancellationToken);

        public Task<IReadOnlyList<long>?> CommitAsync(IReadOnlyList<DocumentWrite> writes, IReadOnlyList<DocumentCheck> checks, CancellationToken cancellationToken) => inner.CommitAsync(writes, checks, cancellationToken);

        public Task<CommitResult?> CommitAsync(AtomicCommit commit, CancellationToken cancellationToken) => inner.CommitAsync(commit, cancellationToken);
    }

    /// <summary>Runs another turn just before the next conversation-state write, so that write meets a version conflict.</summary>
    private sealed class RacingStore(IDocumentStore inner) : IDocumentStore
    {
        public Func<Task>? BeforeNextDialogWrite { get; set; }

        public Task<StoredDocument?> GetAsync(string collection, string key, CancellationToken cancellationToken) => inner.GetAsync(collection, key, cancellationToken);

        public async Task<WriteResult> PutAsync(DocumentWrite write, CancellationToken cancellationToken)
        {
            if (write.Collection == AdvisorTurnHandler.Collection && BeforeNextDialogWrite is { } race)
            {
                BeforeNextDialogWrite = null;
                await race();
            }

            return await inner.PutAsync(write, cancellationToken);
        }

        public Task<bool> DeleteAsync(string collection, string key, long? expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(collection, key, expectedVersion, cancellationToken);

        public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string keyPrefix, int limit, CancellationToken cancellationToken) => inner.ListAsync(collection, keyPrefix, limit, cancellationToken);

        public Task<IReadOnlyList<StoredDocument>> ListDueAsync(string collection, DateTimeOffset now, int limit, CancellationToken cancellationToken) => inner.ListDueAsync(collection, now, limit, cancellationToken);

        public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.PurgeExpiredAsync(now, cancellationToken);
    }

    /// <summary>
    /// The fake clock's time with real timers, for the SQLite store: its maintenance timers (a checkpoint every second,
    /// an identity check every two) would otherwise fire once per period for every simulated second when a test jumps
    /// days ahead (six days: about 780,000 callbacks, half a minute each jump). Expiry still follows the fake clock.
    /// </summary>
    private sealed class FakeTimeRealTimers(FakeTimeProvider fake) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, dueTime, period);
    }
}
