namespace FlywheelBot.Channels.Slack.Inbound;

/// <summary>What arrived at <c>/api/slack/events</c> (or over Socket Mode).</summary>
internal enum SlackInboundKind
{
    /// <summary>Events API <c>url_verification</c>: answer the challenge.</summary>
    UrlVerification,

    /// <summary>Events API <c>event_callback</c>: an event in a workspace.</summary>
    Event,

    /// <summary>A slash command (form fields).</summary>
    Command,

    /// <summary>Interactivity (<c>payload</c>): block_actions, view_submission, view_closed, shortcuts.</summary>
    Interaction,

    /// <summary>Anything else Slack may send (app_rate_limited...): acknowledged, ignored.</summary>
    Other,
}
