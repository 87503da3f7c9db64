using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Views;
using FlywheelBot.Channels.Slack.Api;
using FlywheelBot.Channels.Slack.BlockKit;

namespace FlywheelBot.Channels.Slack.Inbound;

/// <summary>
/// Turns Slack events, slash commands and button presses into neutral turns, runs them through <see cref="ITurnHandler"/>
/// (through the shared <see cref="TurnRunner"/>: a scope of its own, as they outlive the request), saves the
/// conversation's address for proactive sends, and sends the answer back as Block Kit. A failed turn is logged and the user
/// gets a short apology. Conversation keys are <c>slack:{team}:{channel}</c>.
/// </summary>
internal sealed partial class SlackTurns(
    TurnRunner runner,
    IConversationDirectory directory,
    SlackSender sender,
    SlackUserZones zones,
    SlackApiClient api,
    ILogger<SlackTurns> logger)
{
    /// <summary>A direct message to the bot (message.im). Answered in the DM, in the message's thread when it had one.</summary>
    public Task DirectMessageAsync(SlackInstallation installation, JsonElement ev, CancellationToken cancellationToken)
    {
        var channel = ev.Str("channel")!;
        var target = new SlackTarget(installation, channel, ev.Str("thread_ts"), ev.Str("user"), null, null);
        return RunAsync(target, ConversationScope.Personal, TurnKind.Message, ev.Str("user")!, null, StripMention(ev.Str("text"), installation.BotUserId), ImmutableDictionary<string, string>.Empty, cancellationToken);
    }

    /// <summary>An @mention in a channel: answered in the thread of the mention.</summary>
    public Task MentionAsync(SlackInstallation installation, JsonElement ev, CancellationToken cancellationToken)
    {
        var channel = ev.Str("channel")!;
        var thread = ev.Str("thread_ts") ?? ev.Str("ts");
        var scope = ev.Str("channel_type") switch
        {
            "im" => ConversationScope.Personal,
            "mpim" => ConversationScope.GroupChat,
            _ => ConversationScope.Channel,
        };
        var target = new SlackTarget(installation, channel, thread, ev.Str("user"), null, null);
        return RunAsync(target, scope, TurnKind.Message, ev.Str("user")!, null, StripMention(ev.Str("text"), installation.BotUserId), ImmutableDictionary<string, string>.Empty, cancellationToken);
    }

    /// <summary><c>/flywheel [text]</c>: no text asks what to do next; <c>status</c> is the check-in status.</summary>
    public Task CommandAsync(SlackInstallation installation, SlackInbound command, CancellationToken cancellationToken)
    {
        var channel = command.Field("channel_id")!;
        var user = command.Field("user_id")!;
        Uri.TryCreate(command.Field("response_url"), UriKind.Absolute, out var responseUrl);
        var scope = channel.StartsWith('D') ? ConversationScope.Personal
            : (command.Field("channel_name") ?? string.Empty).StartsWith("mpdm-", StringComparison.Ordinal) ? ConversationScope.GroupChat
            : ConversationScope.Channel;
        var text = CommandText(command.Field("text"), scope);
        var target = new SlackTarget(installation, channel, null, user, responseUrl, null) { HelpToCallerOnly = scope != ConversationScope.Personal };
        return RunAsync(target, scope, TurnKind.Message, user, command.Field("user_name"), text, ImmutableDictionary<string, string>.Empty, cancellationToken);
    }

    /// <summary>A button or the question field (block_actions): an answering action updates its message in place.</summary>
    public async Task ActionAsync(SlackInstallation installation, JsonElement payload, CancellationToken cancellationToken)
    {
        var action = payload.First("actions");
        var actionId = action.Str("action_id");
        var value = action.Str("value") ?? action.Str("selected_option", "value");
        if (actionId == SlackActionIds.PickInput)
        {
            return; // a pick in a menu of several: Slack keeps it in the message's state until "Done" sends them all
        }

        if (!SlackActionIds.TryRead(actionId, action.Str("block_id"), value, out var values))
        {
            LogForeignAction(logger);
            return;
        }

        if (actionId == SlackActionIds.PickedAnswer && values.GetValueOrDefault(ViewData.Question) is { } picked)
        {
            values = values.SetItem(ViewData.Value, Picked(payload, picked));
        }

        var user = payload.Str("user", "id")!;
        var channel = payload.Str("channel", "id") ?? payload.Str("container", "channel_id");
        if (channel is null && payload.Str("container", "type") == "view")
        {
            // A button on the App Home: answered in the user's DM with the bot.
            channel = (await api.ConversationsOpenAsync(installation.BotToken, user, cancellationToken)).String("channel", "id");
        }

        if (channel is null)
        {
            LogForeignAction(logger);
            return;
        }

        var messageTs = payload.Str("container", "message_ts") ?? payload.Str("message", "ts");
        Uri.TryCreate(payload.Str("response_url"), UriKind.Absolute, out var responseUrl);
        var scope = channel.StartsWith('D') ? ConversationScope.Personal : ConversationScope.Channel;
        var answers = SlackActionIds.AnswersMessage(actionId!);
        var target = new SlackTarget(installation, channel, payload.Str("message", "thread_ts") ?? payload.Str("container", "thread_ts"), user, responseUrl, answers ? messageTs : null);
        await RunAsync(target, scope, answers ? TurnKind.AnswerInPlace : TurnKind.Message, user, payload.Str("user", "username"), null, values, cancellationToken);
    }

    /// <summary>The values picked in question <paramref name="questionId"/>'s menu, from the message's state, joined by commas.</summary>
    private static string Picked(JsonElement payload, string questionId)
    {
        var options = payload.At("state", "values", SlackActionIds.PickBlockPrefix + questionId, SlackActionIds.PickInput, "selected_options");
        return options.ValueKind == JsonValueKind.Array
            ? string.Join(',', options.EnumerateArray().Select(o => o.Str("value")).OfType<string>())
            : string.Empty;
    }

    public async Task RunAsync(
        SlackTarget target,
        ConversationScope scope,
        TurnKind kind,
        string userId,
        string? userName,
        string? text,
        ImmutableDictionary<string, string> values,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        TurnOutput? output;
        try
        {
            var turn = await PrepareAsync(target, scope, kind, userId, userName, text, values, cancellationToken);
            output = await runner.RunAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The turn could not even start (the store is gone, the address could not be saved): the user still hears back.
            LogNotStarted(logger, ex);
            output = null;
        }

        if (output is null)
        {
            await SendAsync(target with { MessageTs = null }, TurnFailedView.Instance, cancellationToken);
            return;
        }

        if (output.ReplaceMessage is { } replacement && target.MessageTs is not null)
        {
            await sender.UpdateAsync(target, replacement, cancellationToken);
        }

        foreach (var reply in output.Replies)
        {
            await SendAsync(target with { MessageTs = null }, reply, cancellationToken);
        }
    }

    /// <summary>
    /// Posts a reply; a slash command's help, errors and apology in a channel go to its caller only (ephemeral), as Slack
    /// users expect of a command: the channel sees the advice and the interview, not someone's typo.
    /// </summary>
    private Task SendAsync(SlackTarget target, ViewModel reply, CancellationToken cancellationToken) =>
        target.HelpToCallerOnly && reply is HelpView or NoticeView { Tone: NoticeTone.Warning } or TurnFailedView
            ? sender.PostEphemeralAsync(target, reply, cancellationToken)
            : sender.PostAsync(target, reply, cancellationToken);

    /// <summary>
    /// The answers of a submitted form: the current question first, then each question the interview asks next that the
    /// form answered, silently; what the interview says after the last answer it had is posted.
    /// </summary>
    public async Task AnswerAllAsync(SlackTarget target, string userId, string firstQuestion, IReadOnlyDictionary<string, string> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(answers);
        var pending = new Dictionary<string, string>(answers, StringComparer.Ordinal);
        var question = firstQuestion;
        var scope = target.ChannelId.StartsWith('D') ? ConversationScope.Personal : ConversationScope.Channel;
        InboundTurn turn;
        try
        {
            turn = await PrepareAsync(target, scope, TurnKind.Message, userId, null, null, ImmutableDictionary<string, string>.Empty, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotStarted(logger, ex);
            await sender.PostAsync(target, TurnFailedView.Instance, cancellationToken);
            return;
        }

        for (var step = 0; step < 20 && pending.Remove(question, out var value); step++)
        {
            var values = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                [ViewData.Command] = ViewCommands.Answer,
                [ViewData.Question] = question,
                [ViewData.Value] = value,
            });
            var output = await runner.RunAsync(turn with { Values = values }, cancellationToken);
            if (output is null)
            {
                await sender.PostAsync(target, TurnFailedView.Instance, cancellationToken);
                return;
            }

            if (output.Replies.OfType<QuestionView>().FirstOrDefault(q => pending.ContainsKey(q.QuestionId)) is { } next)
            {
                question = next.QuestionId;
                continue;
            }

            foreach (var reply in output.Replies)
            {
                await sender.PostAsync(target, reply, cancellationToken);
            }

            return;
        }
    }

    /// <summary>The neutral turn for a Slack conversation, with the user's zone; the conversation's address is saved first.</summary>
    private async Task<InboundTurn> PrepareAsync(
        SlackTarget target,
        ConversationScope scope,
        TurnKind kind,
        string userId,
        string? userName,
        string? text,
        ImmutableDictionary<string, string> values,
        CancellationToken cancellationToken)
    {
        var installation = target.Installation;
        var zone = await zones.FindAsync(installation, userId, cancellationToken);
        var key = SlackConversationKeys.For(installation.TeamId, target.ChannelId);
        await directory.SaveAsync(
            new ConversationAddress(SlackRoute.Channel, key, scope, zone, new SlackRoute(installation.TeamId, installation.EnterpriseId, target.ChannelId, null, userId)),
            cancellationToken);
        return new InboundTurn(key, scope, kind, userId, userName, text, values, zone);
    }

    /// <summary>What <c>/flywheel [text]</c> means as a turn's text.</summary>
    internal static string CommandText(string? text, ConversationScope scope)
    {
        var trimmed = (text ?? string.Empty).Trim();
        return trimmed.ToLowerInvariant() switch
        {
            "" => scope == ConversationScope.Personal ? "what should I do next" : "what should we do next",
            "status" => "check-in status",
            _ => trimmed,
        };
    }

    /// <summary>Removes the bot's own mention (<c>&lt;@U123&gt;</c> or <c>&lt;@U123|name&gt;</c>) and trims.</summary>
    internal static string StripMention(string? text, string botUserId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var stripped = text.Replace($"<@{botUserId}>", string.Empty, StringComparison.Ordinal);
        stripped = MentionWithName().Replace(stripped, m => m.Groups[1].Value == botUserId ? string.Empty : m.Value);
        return stripped.Trim();
    }

    [GeneratedRegex(@"<@([A-Z0-9]+)\|[^>]*>")]
    private static partial Regex MentionWithName();

    [LoggerMessage(Level = LogLevel.Error, Message = "A Slack turn could not start (its conversation could not be prepared); the user gets an apology")]
    private static partial void LogNotStarted(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A Slack block action that is not ours (or has no channel) was ignored")]
    private static partial void LogForeignAction(ILogger logger);
}
