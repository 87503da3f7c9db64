using System.Globalization;
using System.Text.Json.Nodes;

namespace FlywheelBot.Channels.Slack.BlockKit;

/// <summary>
/// The "Answer in a form" modal: one number field per metric of the interview's current stage (the current question
/// required, the others optional), opened with <c>views.open</c>. <c>private_metadata</c> carries the channel and the
/// question the form was opened on; each field's block is <c>m:{metricId}</c>, so a bad number is reported on its field.
/// </summary>
internal static class AnswerForm
{
    public const string CallbackId = "flywheel-form";
    public const string BlockPrefix = "m:";
    public const string ActionId = "value";

    /// <summary>One field: the metric id, its question, its unit, its bounds.</summary>
    internal sealed record Field(string MetricId, string Question, string Unit, decimal? Min, decimal? Max, bool Required);

    public static JsonObject Build(string stageTitle, IReadOnlyList<Field> fields, string privateMetadata)
    {
        var blocks = new List<JsonObject> { Bk.Context(stageTitle) };
        foreach (var field in fields)
        {
            blocks.Add(Bk.NumberInput(
                BlockPrefix + field.MetricId,
                ActionId,
                field.Question,
                field.Unit.Length > 0 ? $"Unit: {field.Unit}" : null,
                field.Min,
                field.Max,
                dispatch: false,
                optional: !field.Required));
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["title"] = Bk.Plain("Your numbers", BlockKitLimits.ViewTitle),
            ["submit"] = Bk.Plain("Send", BlockKitLimits.ViewTitle),
            ["close"] = Bk.Plain("Cancel", BlockKitLimits.ViewTitle),
            ["private_metadata"] = BlockKitLimits.Cut(privateMetadata, BlockKitLimits.PrivateMetadata),
            ["blocks"] = BlockKitRenderer.Fit(blocks, BlockKitLimits.ViewBlocks),
        };
    }

    /// <summary>The message for a number outside a field's bounds or not a number.</summary>
    public static string Problem(Field field) => (field.Min, field.Max) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"Enter a number from {min:0.##} to {max:0.##}."),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"Enter a number of at least {min:0.##}."),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"Enter a number of at most {max:0.##}."),
        _ => "Enter a number, such as 1200.",
    };
}
