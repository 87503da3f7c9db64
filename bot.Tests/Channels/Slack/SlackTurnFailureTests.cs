using FlywheelBot.Conversations;
using FlywheelBot.Tests.Channels.Slack.Support;
using FlywheelBot.Views;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlywheelBot.Tests.Channels.Slack;

public sealed class SlackTurnFailureTests
{
    [Fact]
    public async Task A_failing_turn_is_logged_and_the_user_gets_a_short_apology_never_silence()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        await using var host = new SlackHost(slack, services: s =>
        {
            s.RemoveAll<ITurnHandler>();
            s.AddSingleton<ITurnHandler, FailingTurnHandler>();
        });

        using (var ack = await host.EventAsync(SlackRequests.DirectMessage("start", "1764579600.000100")))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, ack.StatusCode);
        }

        var apology = await slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal(SlackRequests.DmChannel, apology["channel"]);
        Assert.Equal(TurnFailedView.Text, apology["text"]);
    }

    private sealed class FailingTurnHandler : ITurnHandler
    {
        public Task<TurnOutput> HandleAsync(InboundTurn turn, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the advisor broke");
    }
}
