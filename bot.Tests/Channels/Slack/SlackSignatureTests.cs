using System.Text;
using System.Text.Json;
using FlywheelBot.Channels.Slack.Inbound;
using FlywheelBot.Tests.Views;

namespace FlywheelBot.Tests.Channels.Slack;

public sealed class SlackSignatureTests
{
    // Slack's published example (docs "Verifying requests from Slack"), also in ../shared/PROTOCOLS.md.
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void The_published_test_vector_signs_as_slack_says()
    {
        Assert.Equal(Expected, SlackSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));
        Assert.True(SlackSignature.IsValid(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body), SignedAt.AddSeconds(10), TimeSpan.FromMinutes(5)));
    }

    public static TheoryData<string, string?, string?, string, int, bool> Cases => new()
    {
        { "valid, signed now", Timestamp, Expected, Body, 0, true },
        { "valid, 299 s old", Timestamp, Expected, Body, 299, true },
        { "valid, 300 s old", Timestamp, Expected, Body, 300, true },
        { "stale, 301 s old", Timestamp, Expected, Body, 301, false },
        { "from 301 s in the future", Timestamp, Expected, Body, -301, false },
        { "body changed by one byte", Timestamp, Expected, Body.Replace("foobar", "foobaz", StringComparison.Ordinal), 0, false },
        { "other timestamp", "1531420619", Expected, Body, 0, false },
        { "upper-case hex", Timestamp, Expected.ToUpperInvariant().Replace("V0=", "v0=", StringComparison.Ordinal), Body, 0, false },
        { "version v1", Timestamp, "v1=" + Expected[3..], Body, 0, false },
        { "no signature", Timestamp, null, Body, 0, false },
        { "no timestamp", null, Expected, Body, 0, false },
        { "timestamp not a number", "15314x0618", Expected, Body, 0, false },
        { "truncated signature", Timestamp, Expected[..^2], Body, 0, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Requests_are_accepted_only_when_signed_with_the_secret_within_five_minutes(string name, string? timestamp, string? signature, string body, int ageSeconds, bool valid)
    {
        var now = SignedAt.AddSeconds(ageSeconds);
        Assert.True(valid == SlackSignature.IsValid(Secret, timestamp, signature, Encoding.UTF8.GetBytes(body), now, TimeSpan.FromMinutes(5)), name);
    }

    [NodePeersFact]
    public async Task Bolt_verifySlackRequest_agrees_on_every_case_except_future_timestamps_which_bolt_lets_through()
    {
        Assert.True(NodePeers.MissingReason is null, $"Required peer missing: {NodePeers.MissingReason}");
        var cases = Cases.Select(row => (object?[])row)
            .Where(row => row[1] is not null && row[2] is not null && row[1] is string ts && long.TryParse(ts, out _))
            .ToList();
        var path = Path.Combine(Path.GetTempPath(), $"slack-sig-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(cases.Select(row => new
        {
            secret = Secret,
            timestamp = (string)row[1]!,
            signature = (string)row[2]!,
            body = (string)row[3]!,
            nowMs = SignedAt.AddSeconds((int)row[4]!).ToUnixTimeMilliseconds(),
        })));
        try
        {
            var (exit, output) = await NodePeers.RunAsync("slack-verify-requests.mjs", path);
            Assert.True(exit == 0, output);
            var bolt = JsonSerializer.Deserialize<bool[]>(output.Trim())!;
            Assert.Equal(cases.Count, bolt.Length);
            for (var i = 0; i < cases.Count; i++)
            {
                var ours = (bool)cases[i][5]!;
                var name = (string)cases[i][0]!;
                // Bolt checks staleness only; this bot also refuses timestamps more than 5 minutes ahead (Slack's rule says "away").
                var boltExpected = name.StartsWith("from 301 s in the future", StringComparison.Ordinal) || ours;
                Assert.True(boltExpected == bolt[i], $"{name}: Bolt says {bolt[i]}, expected {boltExpected}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
