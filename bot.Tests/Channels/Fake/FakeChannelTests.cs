using System.Net;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Channels.Fake;

/// <summary>
/// The test of the design: a new channel is a folder plus one registration line. The real app, with Bot Framework
/// switched off by configuration and this folder's fake channel added, runs an interview and a weekly check-in.
/// </summary>
public sealed class FakeChannelTests : IDisposable
{
    // Friday 20 March 2026, 10:00 UTC.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero));
    private readonly WebApplicationFactory<Program> _app;

    public FakeChannelTests()
    {
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("BotFramework:Enabled", "false");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IDocumentStore>();
                services.AddSingleton<IDocumentStore>(new InMemoryDocumentStore(_clock));
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(_clock);

                services.AddFakeChannel();
            });
        });
    }

    [Fact]
    public async Task An_interview_and_a_weekly_check_in_run_through_a_third_channel()
    {
        var channel = _app.Services.GetRequiredService<FakeChannel>();

        Assert.Contains("FlywheelBot", Assert.Single(await channel.InstallAsync("room-1")), StringComparison.Ordinal);
        Assert.Empty(await channel.InstallAsync("room-1"));
        Assert.Contains("Who does your marketing speak to?", string.Concat((await channel.SayAsync("room-1", "start"))!.Value), StringComparison.Ordinal);
        await channel.SayAsync("room-1", "senior decision-makers");
        Assert.Contains("what are you doing now?", string.Concat((await channel.SayAsync("room-1", "new"))!.Value), StringComparison.Ordinal);
        var advice = string.Concat((await channel.SayAsync("room-1", "not sure", eventId: "ev-42"))!.Value);
        Assert.Contains("Do this next:", advice, StringComparison.Ordinal);
        Assert.Null(await channel.SayAsync("room-1", "not sure", eventId: "ev-42"));

        var setUp = string.Concat((await channel.SayAsync("room-1", "check in every Monday at 9"))!.Value);
        Assert.Contains("Weekly check-in set: every Monday at 09:00 (UTC)", setUp, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(23) + TimeSpan.FromMinutes(1));
        var prompt = Assert.IsType<CheckInPromptView>(await channel.NextDeliveryAsync("room-1"));
        Assert.Equal("2026-W13", prompt.Period);
        Assert.Contains("This week's numbers, please", channel.Render(prompt), StringComparison.Ordinal);

        var saved = string.Concat((await channel.SayAsync("room-1", "visitors 2,000"))!.Value);
        Assert.Contains("Check-in saved. What changed:", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_Framework_switched_off_by_configuration_serves_no_messages_endpoint()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/messages", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
