using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Channels.Slack.Api;
using FlywheelBot.Channels.Slack.BlockKit;
using FlywheelBot.Channels.Slack.Inbound;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Channels.Slack;

/// <summary>
/// The modal interview. "Answer in a form" on a number question opens a modal with one number field per metric of that
/// stage (for either audience; the current question required). On submit every field is checked at once: a bad number is
/// answered with <c>response_action: errors</c> on its field (the modal stays open); otherwise the modal closes and the
/// answers go into the interview in its own order, each answering the question it asks, until one is asked that the form
/// did not fill (or the advice comes), which is posted.
/// </summary>
internal sealed partial class SlackForms(SlackApiClient api, IFlywheelGuide guide, SlackWork work, SlackTurns turns, ILogger<SlackForms> logger)
{
    public const string OpenCommand = "slack-form";

    /// <summary>The button that opens the form for <paramref name="questionId"/> in stage <paramref name="stage"/> (1 to 5).</summary>
    public static ImmutableSortedDictionary<string, string> OpenData(string questionId, int stage) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            [Views.ViewData.Command] = OpenCommand,
            [Views.ViewData.Question] = questionId,
            [Views.ViewData.Stage] = stage.ToString(CultureInfo.InvariantCulture),
        });

    public async Task OpenAsync(SlackInstallation installation, string triggerId, string channel, ImmutableDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var question = values.GetValueOrDefault(Views.ViewData.Question) ?? string.Empty;
        if (!int.TryParse(values.GetValueOrDefault(Views.ViewData.Stage), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 5)
        {
            return;
        }

        var stage = (StageId)(number - 1);
        var fields = Fields(stage, question);
        var metadata = new JsonObject { ["c"] = channel, ["q"] = question }.ToJsonString();
        var view = AnswerForm.Build($"Stage {number} of 5: {StageNames.Of(stage)}", fields, metadata);
        var opened = await api.ViewsOpenAsync(installation.BotToken, triggerId, view, cancellationToken);
        if (!opened.Ok)
        {
            LogOpenFailed(logger, opened.Error ?? "unknown");
        }
    }

    /// <summary>Checks a submission within Slack's 3 seconds: field errors, or an empty ack (close) and the answers in the background.</summary>
    public SlackAck Submit(SlackInstallation installation, JsonElement payload)
    {
        var view = payload.At("view");
        JsonElement metadata;
        try
        {
            using var document = JsonDocument.Parse(view.Str("private_metadata") ?? "{}");
            metadata = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return SlackAck.Empty;
        }

        var channel = metadata.Str("c");
        var question = metadata.Str("q");
        var user = payload.Str("user", "id");
        if (channel is null || question is null || user is null)
        {
            return SlackAck.Empty;
        }

        var errors = new JsonObject();
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var state = view.At("state", "values");
        if (state.ValueKind == JsonValueKind.Object)
        {
            foreach (var block in state.EnumerateObject())
            {
                if (!block.Name.StartsWith(AnswerForm.BlockPrefix, StringComparison.Ordinal) || guide.FindMetric(block.Name[AnswerForm.BlockPrefix.Length..]) is not { } metric)
                {
                    continue;
                }

                var text = block.Value.Str(AnswerForm.ActionId, "value");
                if (string.IsNullOrWhiteSpace(text))
                {
                    if (metric.Id == question)
                    {
                        errors[block.Name] = "Please fill in this one: it is the question we are on.";
                    }

                    continue;
                }

                var field = new AnswerForm.Field(metric.Id, metric.Question, metric.Unit, metric.Min, metric.Max, metric.Id == question);
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                    || (metric.Min is { } min && value < min) || (metric.Max is { } max && value > max))
                {
                    errors[block.Name] = AnswerForm.Problem(field);
                    continue;
                }

                answers[metric.Id] = value.ToString(CultureInfo.InvariantCulture);
            }
        }

        if (errors.Count > 0)
        {
            return new SlackAck(new JsonObject { ["response_action"] = "errors", ["errors"] = errors });
        }

        if (!answers.ContainsKey(question))
        {
            return SlackAck.Empty;
        }

        var target = new SlackTarget(installation, channel, null, user, null, null);
        work.Run("form answers", ct => turns.AnswerAllAsync(target, user, question, answers, ct));
        return SlackAck.Empty;
    }

    private List<AnswerForm.Field> Fields(StageId stage, string question)
    {
        var metrics = guide.DecidingMetrics(Audience.Sdm, stage).Concat(guide.DecidingMetrics(Audience.EndUser, stage))
            .DistinctBy(m => m.Id)
            .ToList();
        if (metrics.All(m => m.Id != question) && guide.FindMetric(question) is { } current)
        {
            metrics.Insert(0, current);
        }

        return metrics
            .OrderByDescending(m => m.Id == question)
            .Select(m => new AnswerForm.Field(m.Id, m.Question, m.Unit, m.Min, m.Max, m.Id == question))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack views.open of the answer form failed: {Error}")]
    private static partial void LogOpenFailed(ILogger logger, string error);
}
