using FlywheelBot.Conversations;
using FlywheelBot.Telemetry;
using Microsoft.Extensions.Options;

namespace FlywheelBot.CheckIns;

/// <summary>
/// Sends due check-ins and reminders. Each poll lists due subscriptions, claims each with a conditional write
/// (only one instance wins), sends through <see cref="IProactiveMessenger"/>, then records the outcome: sent
/// (period remembered, next one scheduled), gone (paused with a reason) or retry later (claim released, backoff).
/// An instance that dies holding a claim loses it after <see cref="CheckInOptions.ClaimTimeout"/>.
/// </summary>
internal sealed partial class CheckInScheduler(
    CheckInRepository repository,
    CheckInPromptFactory prompts,
    IConversationDirectory directory,
    IProactiveMessenger messenger,
    IOptions<CheckInOptions> options,
    TimeProvider clock,
    BotMetrics metrics,
    ILogger<CheckInScheduler> logger) : BackgroundService
{
    public const string NoAddressReason = "the bot has no stored address for this conversation";
    public const string GoneReason = "the bot was removed or blocked in this conversation (403/404)";

    private readonly CheckInOptions _options = options.Value;

    /// <summary>This instance's id in claims.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>One poll: handles every due subscription; returns how many messages were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await repository.ListDueAsync(now, _options.BatchSize, cancellationToken);
        var sent = 0;
        foreach (var candidate in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                sent += await ProcessAsync(candidate.Value!, candidate.Version, now, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogProcessingFailed(ex);
            }
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            LogDisabled();
            return;
        }

        using var timer = new PeriodicTimer(_options.PollInterval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> ProcessAsync(CheckInSubscription subscription, long version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var step = CheckInPlanner.Decide(subscription, now);
        if (step is null)
        {
            return false;
        }

        if (step.Kind == CheckInStepKind.AdvanceWithoutSending)
        {
            await repository.TryWriteAsync(CheckInPlanner.Skipped(subscription, now), version, cancellationToken);
            return false;
        }

        var claimed = CheckInPlanner.ClaimFor(subscription, step, InstanceId, now + _options.ClaimTimeout);
        if (await repository.TryWriteAsync(claimed, version, cancellationToken) is null)
        {
            return false; // another instance (or a user command) got there first; the next poll re-reads
        }

        var (outcome, goneReason) = await SendAsync(claimed, step, cancellationToken);
        var finishedAt = clock.GetUtcNow();
        await repository.UpdateAsync(claimed.ConversationKey, current => Finish(current, step, outcome, goneReason, finishedAt), cancellationToken);
        return outcome == SendOutcome.Sent;
    }

    private async Task<(SendOutcome Outcome, string GoneReason)> SendAsync(CheckInSubscription subscription, CheckInStep step, CancellationToken cancellationToken)
    {
        var address = await directory.FindAsync(subscription.ConversationKey, cancellationToken);
        if (address is null)
        {
            LogPaused(NoAddressReason);
            return (SendOutcome.Gone, NoAddressReason);
        }

        try
        {
            var view = await prompts.BuildAsync(subscription, step, cancellationToken);
            var outcome = await messenger.SendAsync(address, view, cancellationToken);
            LogSendOutcome(step.Kind, step.Period, outcome);
            Count(step, outcome);
            if (outcome == SendOutcome.Gone)
            {
                LogPaused(GoneReason);
            }

            return (outcome, GoneReason);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(ex);
            Count(step, SendOutcome.RetryLater);
            return (SendOutcome.RetryLater, GoneReason);
        }
    }

    private void Count(CheckInStep step, SendOutcome outcome)
    {
        if (outcome == SendOutcome.Sent)
        {
            metrics.CheckInSent(step.Kind.ToString());
        }
        else if (outcome == SendOutcome.RetryLater)
        {
            metrics.Failure("checkin-send");
        }
    }

    private CheckInSubscription? Finish(CheckInSubscription? current, CheckInStep step, SendOutcome outcome, string goneReason, DateTimeOffset now)
    {
        if (current is null)
        {
            return null; // stopped while sending
        }

        var ours = current.Claim is { } claim && claim.InstanceId == InstanceId && claim.Period == step.Period;
        return outcome switch
        {
            // A successful send is always recorded, so no one sends this period again.
            SendOutcome.Sent when step.Kind == CheckInStepKind.SendCheckIn => CheckInPlanner.CheckInSent(current, step.Period, now, _options.ReminderDelay),
            SendOutcome.Sent => CheckInPlanner.ReminderSent(current),
            SendOutcome.Gone => CheckInPlanner.Gone(current, goneReason),
            _ when ours => CheckInPlanner.RetryLater(current, now),
            _ => current,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Check-in scheduler disabled (CheckIns:Enabled is false).")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "Check-in poll failed; retrying on the next tick.")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A due check-in could not be processed; it stays due.")]
    private partial void LogProcessingFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Check-in send failed with an exception; will retry later.")]
    private partial void LogSendFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Check-in subscription paused: {Reason}.")]
    private partial void LogPaused(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check-in {Kind} for period {Period}: {Outcome}.")]
    private partial void LogSendOutcome(CheckInStepKind kind, string period, SendOutcome outcome);
}
