using FlywheelBot.Tests.Channels.Slack.Support;
using FlywheelBot.Tests.CheckIns;
using FlywheelBot.Tests.Views;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>
/// Every Block Kit payload the suite produces (every sample view, every check-in view, hostile text, and whatever the
/// Slack flows sent to the fake Slack before this test ran) type-checks against Slack's own <c>@slack/types</c> with
/// <c>tsc --strict</c> and keeps Slack's limits.
/// </summary>
public sealed class SlackPayloadValidatorTests
{
    [NodePeersFact]
    public async Task Every_block_kit_payload_type_checks_against_slack_types_and_keeps_the_limits()
    {
        Assert.True(NodePeers.MissingReason is null, $"Required peer missing: {NodePeers.MissingReason}");
        var renderer = BlockKitRendererTests.Renderer();
        foreach (var (name, view) in SampleViews.All)
        {
            SlackBlockCorpus.Record($"sample-{name}", await renderer.RenderAsync(view, CancellationToken.None));
        }

        foreach (var (name, view) in CheckInCardTests.Samples())
        {
            SlackBlockCorpus.Record($"checkin-{name}", await renderer.RenderAsync(view, CancellationToken.None));
        }

        foreach (var text in SampleViews.Hostile)
        {
            SlackBlockCorpus.Record("hostile", await renderer.RenderAsync(FlywheelBot.Views.NoticeView.Say(text), CancellationToken.None));
        }

        SlackViewSamples.RecordAll();

        var problems = SlackBlockCorpus.All.SelectMany(p => SlackLimits.Problems(p.Name, p.Payload)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var (folder, count) = SlackBlockCorpus.WriteAll();
        var (exit, output) = await NodePeers.RunAsync("typecheck-slack-blocks.mjs", folder);
        Assert.True(exit == 0, $"@slack/types rejected payloads in {folder}:\n{output}");
        Assert.Contains($"{count} payload(s), 0 problem(s)", output, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }
}
