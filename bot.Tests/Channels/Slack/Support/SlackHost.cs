using System.Text.Json.Nodes;
using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlywheelBot.Tests.Channels.Slack.Support;

/// <summary>
/// The whole app in process with Slack on (signing secret, bot token, the fake Slack as its Web API) and an in-memory
/// store; everything else is the app's own (advisor, renderers, check-ins). Requests are signed as Slack signs them.
/// </summary>
internal sealed class SlackHost(FakeSlackApi slack, IReadOnlyDictionary<string, string?>? extra = null, TimeProvider? clock = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public InMemoryDocumentStore Store { get; } = new(clock ?? TimeProvider.System);

    /// <summary>The app's clock (requests are signed at its time).</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using var client = CreateClient();
        using (request)
        {
            var response = await client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
    }

    public Task<HttpResponseMessage> EventAsync(JsonObject ev, string? eventId = null) => SendAsync(SlackRequests.SignedJson(SlackRequests.Event(ev, eventId), Now));

    public Task<HttpResponseMessage> CommandAsync(string text, string channel = SlackRequests.DmChannel) => SendAsync(SlackRequests.SignedForm(SlackRequests.Command(text, channel), Now));

    public Task<HttpResponseMessage> ActionAsync(JsonObject payload) => SendAsync(SlackRequests.SignedPayload(payload, Now));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Slack:SigningSecret", SlackRequests.SigningSecret);
        builder.UseSetting("Slack:BotToken", FakeSlackApi.BotToken);
        builder.UseSetting("Slack:ApiBaseUrl", slack.BaseUrl);
        builder.UseSetting("Hosting:PublicUrl", "https://bot.example/");
        builder.UseSetting("CheckIns:PollInterval", "00:00:00.100");
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection =>
        {
            collection.RemoveAll<IDocumentStore>();
            collection.AddSingleton<IDocumentStore>(Store);
            if (clock is not null)
            {
                collection.RemoveAll<TimeProvider>();
                collection.AddSingleton(clock);
            }

            services?.Invoke(collection);
        });
    }
}
