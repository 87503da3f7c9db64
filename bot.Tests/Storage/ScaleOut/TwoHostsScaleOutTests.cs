using System.Text.Json.Nodes;
using FlywheelBot.Tests.TestSupport;

namespace FlywheelBot.Tests.Storage.ScaleOut;

/// <summary>
/// Two bot processes share one PostgreSQL; the turns of one team chat are sent to both at the same time (as a load
/// balancer would spread them) and nothing may be lost or applied twice: optimistic concurrency makes the loser of
/// each race re-read and re-apply its turn.
/// </summary>
[Trait("Runs", "BotProcess")]
public sealed class TwoHostsScaleOutTests(TwoHostsOnPostgres hosts) : IClassFixture<TwoHostsOnPostgres>
{
    private const int Interviews = 8;
    private const int Rounds = 15;

    /// <summary>sdm in an emerging market is asked these ten metrics, in flywheel order.</summary>
    private const int MetricQuestions = 10;

    /// <summary>The metric questions and, last, what the team does now.</summary>
    private const int Questions = MetricQuestions + 1;

    /// <summary>
    /// Every metric a team can update in a sentence, and the sentence for round <c>r</c>'s value; but visitor to lead,
    /// which is worked out from visitors and leads (a new count drops a stored rate, so racing all three has no one answer).
    /// </summary>
    private static readonly (string MetricId, Func<int, decimal> Value, Func<decimal, string> Say)[] Updates =
    [
        ("monthly_visitors", r => 5000 + r, v => $"visitors are {v} now"),
        ("share_of_voice_pct", r => 10 + r, v => $"share of voice is {v}%"),
        ("inbound_conversations", r => 40 + r, v => $"inbound is {v}"),
        ("leads", r => 200 + r, v => $"leads are {v}"),
        ("lead_to_customer_pct", r => 20 + r, v => $"win rate {v}%"),
        ("activation_pct", r => 30 + r, v => $"activation {v}%"),
        ("monthly_churn_pct", r => r, v => $"churn is {v}%"),
        ("nps", r => r - 50, v => $"nps is {v}"),
        ("referrals", r => r, v => $"referrals {v}"),
    ];

    private ChannelClient Channel => new(hosts.Http, "groupChat");

    [PostgresFact]
    public async Task Interview_answers_racing_across_two_hosts_are_each_consumed_exactly_once()
    {
        PostgresPeer.RequireConnectionString();
        for (var iteration = 0; iteration < Interviews; iteration++)
        {
            var conversation = $"scale-interview-{Guid.NewGuid():N}";
            await BeginInterviewAsync(conversation);

            // Eleven "skip"s at once, alternating hosts: each must resolve exactly one of the ten metric questions and
            // the question what the team does now.
            var racing = Enumerable.Range(0, Questions)
                .Select(i => Channel.SayAsync(i % 2 == 0 ? hosts.First : hosts.Second, conversation, "skip"));
            var replies = (await Task.WhenAll(racing)).SelectMany(r => r).ToList();

            Assert.DoesNotContain(replies, r => r.Mentions(BotReply.Apology));
            Assert.Equal(Questions, replies.Count);
            Assert.Single(replies, r => r.IsRecommendation);

            // A lost answer would ask some question twice (and leave one unanswered); a doubled one would finish
            // early and leave a skip with nothing to skip. So: ten different questions, each asked once, then advice.
            var questions = replies.Where(r => !r.IsRecommendation).Select(r => r.Text).ToList();
            Assert.Equal(Questions - 1, questions.Distinct(StringComparer.Ordinal).Count());

            var dialog = JsonNode.Parse(await hosts.ReadJsonAsync("dialogs", Key(conversation)) ?? "null");
            Assert.Equal("idle", dialog?["mode"]?.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
            Assert.Null(dialog?["interview"]);
            Assert.NotNull(await hosts.ReadJsonAsync("profiles", Key(conversation)));
        }
    }

    [PostgresFact]
    public async Task Metric_updates_sent_to_two_hosts_at_once_all_land_in_the_team_profile()
    {
        PostgresPeer.RequireConnectionString();
        var conversation = $"scale-metrics-{Guid.NewGuid():N}";
        await BeginInterviewAsync(conversation);
        for (var i = 0; i < Questions; i++)
        {
            await Channel.SayAsync(i % 2 == 0 ? hosts.First : hosts.Second, conversation, "skip");
        }

        for (var round = 1; round <= Rounds; round++)
        {
            var sent = Updates.Select(u => (u.MetricId, Value: u.Value(round), Text: u.Say(u.Value(round)))).ToList();
            var racing = sent.Select((u, i) => Channel.SayAsync(i % 2 == 0 ? hosts.First : hosts.Second, conversation, u.Text));
            var replies = await Task.WhenAll(racing);

            Assert.All(replies, r => Assert.Contains(r, reply => reply.Mentions("Updated")));
            var profile = JsonNode.Parse(await hosts.ReadJsonAsync("profiles", Key(conversation)) ?? "null");
            var metrics = profile?["metrics"]?.AsObject() ?? throw new InvalidOperationException("The profile has no metrics.");
            var stored = metrics.ToDictionary(m => m.Key, m => m.Value!.GetValue<decimal>());
            Assert.Equal(
                sent.Select(u => $"{u.MetricId}={u.Value}").Order(StringComparer.Ordinal),
                stored.Select(m => $"{m.Key}={m.Value}").Order(StringComparer.Ordinal));
        }
    }

    private async Task BeginInterviewAsync(string conversation)
    {
        var start = await Channel.SayAsync(hosts.First, conversation, "start");
        Assert.Contains(start, r => r.Mentions("Who does your marketing speak to"));
        await Channel.SayAsync(hosts.Second, conversation, "sdm");
        var awareness = await Channel.SayAsync(hosts.First, conversation, "emerging");
        Assert.Contains(awareness, r => r.Mentions("visit your website"));
    }

    private static string Key(string conversation) => $"msteams:{conversation}";
}
