using FlywheelBot.Conversations.Plumbing;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlywheelBot.Channels.Slack.Inbound;

/// <summary>
/// Decides what a Slack request means and acknowledges it at once (Slack wants the ack within 3 s), leaving the work to
/// <see cref="SlackWork"/>. Shared by the HTTP endpoint and Socket Mode. Events are handled once per <c>event_id</c>;
/// messages from bots (any <c>bot_id</c>), edits and other <c>subtype</c>s, and the bot's own messages are ignored;
/// <c>app_home_opened</c> publishes the Home tab and greets a first-time user once (<see cref="SlackWelcome"/>); a
/// request for a workspace with no installation is ignored with one log line.
/// </summary>
internal sealed partial class SlackDispatcher(
    ISlackInstallations installations,
    TurnDeduplicator deduplicator,
    SlackWork work,
    SlackTurns turns,
    SlackHome home,
    SlackForms forms,
    SlackWelcome welcome,
    ILogger<SlackDispatcher> logger)
{
    /// <summary>Said in place when a slash command cannot be taken in (no token is at hand to say it later).</summary>
    public const string CannotTakeCommand = "Sorry, FlywheelBot can't reach its storage right now, so I couldn't take that in. Please try again in a minute.";

    /// <summary>
    /// Acknowledges one request. When it cannot even be taken in (the store holding the workspace's installation is
    /// down), a slash command is answered in its acknowledgement, visible only to its caller; anything else gets "retry
    /// later" rather than a 500: Slack retries an event, and keeps a modal open with its answers.
    /// </summary>
    public async Task<SlackAck> AcceptAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        try
        {
            return await DispatchAsync(inbound, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotTakenIn(logger, inbound.Kind, ex);
            return inbound.Kind == SlackInboundKind.Command
                ? new SlackAck(new JsonObject { ["response_type"] = "ephemeral", ["text"] = CannotTakeCommand })
                : SlackAck.Unavailable;
        }
    }

    private async Task<SlackAck> DispatchAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        switch (inbound.Kind)
        {
            case SlackInboundKind.UrlVerification:
                return new SlackAck(new JsonObject { ["challenge"] = inbound.Json.Str("challenge") });
            case SlackInboundKind.Event:
                await AcceptEventAsync(inbound, cancellationToken);
                return SlackAck.Empty;
            case SlackInboundKind.Command:
                if (await InstallationAsync(inbound, cancellationToken) is { } commandInstall
                    && inbound.Field("channel_id") is { Length: > 0 } && inbound.Field("user_id") is { Length: > 0 })
                {
                    work.Run("slash command", ct => turns.CommandAsync(commandInstall, inbound, ct));
                }

                return SlackAck.Empty;
            case SlackInboundKind.Interaction:
                return await AcceptInteractionAsync(inbound, cancellationToken);
            default:
                LogIgnored(logger, inbound.Json.Str("type") ?? "unknown");
                return SlackAck.Empty;
        }
    }

    private async Task AcceptEventAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        var ev = inbound.Json.At("event");
        var type = ev.Str("type")!;
        if (inbound.Json.Str("event_id") is { Length: > 0 } eventId && !await ClaimAsync(eventId, cancellationToken))
        {
            LogDuplicate(logger, eventId);
            return;
        }

        if (type is "app_uninstalled" or "tokens_revoked")
        {
            // tokens_revoked lists user tokens under tokens.oauth and bot tokens under tokens.bot; only the bot token
            // is the installation (this app asks for no user scopes, but a revoked user token must not remove it).
            if (type == "tokens_revoked" && !RevokesBotToken(ev))
            {
                LogIgnored(logger, "tokens_revoked without a bot token");
                return;
            }

            if (inbound.TeamId is { Length: > 0 } team)
            {
                var reason = type == "app_uninstalled" ? "the Slack app was uninstalled" : "the Slack app's tokens were revoked";
                work.Run(type, ct => installations.RemoveAsync(inbound.EnterpriseId, team, reason, ct));
            }

            return;
        }

        if (type is not ("message" or "app_mention" or "app_home_opened"))
        {
            LogIgnored(logger, type);
            return;
        }

        if (await InstallationAsync(inbound, cancellationToken) is not { } installation)
        {
            return;
        }

        var fromBot = ev.Str("bot_id") is not null || ev.At("bot_profile").ValueKind == JsonValueKind.Object || ev.Str("user") == installation.BotUserId;
        switch (type)
        {
            case "message" when ev.Str("channel_type") == "im" && ev.Str("subtype") is null && !fromBot && ev.Str("user") is not null && ev.Str("channel") is not null:
                work.Run("direct message", ct => turns.DirectMessageAsync(installation, ev, ct));
                break;
            case "app_home_opened" when ev.Str("user") is { } homeUser:
                if (ev.Str("tab") == "home")
                {
                    work.Run("app home", ct => home.PublishAsync(installation, homeUser, ev.Str("channel"), ct));
                }

                work.Run("welcome", ct => welcome.GreetOnceAsync(installation, homeUser, ev.Str("channel"), ct));
                break;
            case "app_mention" when ev.Str("subtype") is null && !fromBot && ev.Str("user") is not null && ev.Str("channel") is not null:
                work.Run("mention", ct => turns.MentionAsync(installation, ev, ct));
                break;
            default:
                LogIgnored(logger, ev.Str("subtype") is { } subtype ? $"{type}/{subtype}" : type);
                break;
        }
    }

    private async Task<SlackAck> AcceptInteractionAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        var type = inbound.Json.Str("type");
        var payload = inbound.Json;
        switch (type)
        {
            case "block_actions" when await InstallationAsync(inbound, cancellationToken) is { } installation:
                var action = payload.First("actions");
                if (BlockKit.SlackActionIds.TryRead(action.Str("action_id"), action.Str("block_id"), action.Str("value"), out var values)
                    && values.GetValueOrDefault(Views.ViewData.Command) == SlackForms.OpenCommand
                    && payload.Str("trigger_id") is { } trigger
                    && (payload.Str("channel", "id") ?? payload.Str("container", "channel_id")) is { } channel)
                {
                    work.Run("open form", ct => forms.OpenAsync(installation, trigger, channel, values, ct));
                }
                else
                {
                    work.Run("block action", ct => turns.ActionAsync(installation, payload, ct));
                }

                return SlackAck.Empty;
            case "view_submission" when payload.Str("view", "callback_id") == BlockKit.AnswerForm.CallbackId:
                return await InstallationAsync(inbound, cancellationToken) is { } formInstall ? forms.Submit(formInstall, payload) : SlackAck.Empty;
            default:
                LogIgnored(logger, type ?? "interaction");
                return SlackAck.Empty;
        }
    }

    /// <summary>
    /// Claims the event (false: a retry already handled). When the store cannot record the claim the event is handled all
    /// the same: the turn that follows fails the same way and answers the user with an apology, where a 500 here would
    /// only make Slack retry into the same failure while the user hears nothing.
    /// </summary>
    private async Task<bool> ClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        try
        {
            return await deduplicator.TryClaimAsync(SlackRoute.Channel, eventId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogClaimFailed(logger, eventId, ex);
            return true;
        }
    }

    private async Task<SlackInstallation?> InstallationAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        var installation = await installations.FindAsync(inbound.EnterpriseId, inbound.TeamId, cancellationToken);
        if (installation is null)
        {
            LogNotInstalled(logger, inbound.TeamId ?? "(none)", inbound.EnterpriseId ?? "(none)");
        }

        return installation;
    }

    private static bool RevokesBotToken(JsonElement ev) =>
        ev.At("tokens", "bot") is { ValueKind: JsonValueKind.Array } bots && bots.GetArrayLength() > 0;

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack {Kind} could not be taken in (its workspace's installation could not be read?); answered 'retry later'")]
    private static partial void LogNotTakenIn(ILogger logger, SlackInboundKind kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request for team {TeamId} (enterprise {EnterpriseId}) ignored: the app has no installation there")]
    private static partial void LogNotInstalled(ILogger logger, string teamId, string enterpriseId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack event {EventId} could not be recorded as handled; it is handled without the retry check")]
    private static partial void LogClaimFailed(ILogger logger, string eventId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack event {EventId} was already handled (a retry)")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack {Type} acknowledged and ignored")]
    private static partial void LogIgnored(ILogger logger, string type);
}
