using System.Collections.Immutable;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.History;
using FlywheelBot.Conversations;
using FlywheelBot.Flywheel;
using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.CheckIns;

/// <summary>The check-in feature wired over one store with a fake clock, fake channel and fake engine.</summary>
internal sealed class CheckInHarness
{
    public const string Key = "msteams:conv-1";

    public CheckInHarness(DateTimeOffset start, IDocumentStore? store = null, CheckInOptions? options = null, FakeTimeProvider? clock = null)
    {
        Clock = clock ?? new FakeTimeProvider(start);
        Store = store ?? new InMemoryDocumentStore(Clock);
        Options = options ?? new CheckInOptions { ReminderDelay = TimeSpan.FromHours(24), ClaimTimeout = TimeSpan.FromMinutes(2) };
        Repository = new CheckInRepository(Store, NullLogger<CheckInRepository>.Instance);
        History = new HistoryStore(Store, NullLogger<HistoryStore>.Instance);
        Recorder = new HistoryRecorder(History, Repository, Microsoft.Extensions.Options.Options.Create(Options));
        Answers = new CheckInAnswerHandler(Profiles, Recorder, History, Advice, Clock);
        Interceptor = new CheckInInterceptor(
            Repository, Answers, new HistoryService(History, Advice, Clock), Microsoft.Extensions.Options.Options.Create(Options), Clock,
            NullLogger<CheckInInterceptor>.Instance);
        Directory.SaveAsync(FakeConversationDirectory.AddressFor(Key), CancellationToken.None).GetAwaiter().GetResult();
    }

    public FakeTimeProvider Clock { get; }

    public IDocumentStore Store { get; }

    public CheckInOptions Options { get; }

    public CheckInRepository Repository { get; }

    public HistoryStore History { get; }

    public HistoryRecorder Recorder { get; }

    public CheckInAnswerHandler Answers { get; }

    public CheckInInterceptor Interceptor { get; }

    public FakeCheckInAdvice Advice { get; } = new();

    public FakeTeamProfileStore Profiles { get; } = new();

    public FakeConversationDirectory Directory { get; } = new();

    public RecordingMessenger Messenger { get; } = new();

    public CollectingLogger<CheckInScheduler> SchedulerLog { get; } = new();

    public FlywheelBot.Telemetry.BotMetrics Metrics { get; } = new();

    /// <summary>A new scheduler instance (as after a restart, or a second server) on the same store.</summary>
    public CheckInScheduler NewScheduler(IProactiveMessenger? messenger = null, IDocumentStore? store = null) =>
        new(store is null ? Repository : new CheckInRepository(store, NullLogger<CheckInRepository>.Instance), new CheckInPromptFactory(Profiles, History, Advice), Directory, messenger ?? Messenger,
            Microsoft.Extensions.Options.Options.Create(Options), Clock, Metrics, SchedulerLog);

    public async Task AddConversationAsync(string key) =>
        await Directory.SaveAsync(FakeConversationDirectory.AddressFor(key), CancellationToken.None);

    public void KnowTeam(params (string Metric, decimal Value)[] metrics) =>
        Profiles.Set(Key, new TeamProfile(
            Audience.Sdm, MarketAwareness.Emerging, Community.Unknown,
            metrics.ToImmutableDictionary(m => m.Metric, m => m.Value), ImmutableHashSet<string>.Empty, Clock.GetUtcNow()));

    public async Task<TurnOutput?> SayAsync(string text, string? timeZone = null) =>
        await Interceptor.TryHandleAsync(InboundTurn.Message(Key, text) with { TimeZone = timeZone }, CancellationToken.None);

    public async Task<CheckInSubscription?> SubscriptionAsync() => (await Repository.GetAsync(Key, CancellationToken.None)).Value;
}
