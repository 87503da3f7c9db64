using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FlywheelBot.Advisor;
using FlywheelBot.Channels.BotFramework.Cards;
using FlywheelBot.Conversations;
using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using FlywheelBot.Views;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>
/// The one test host for the Bot Framework channel: the real app with its settings given per host, the advisor replaced by
/// <see cref="ScriptedTurnHandler"/>, renderers by <see cref="TestRenderers"/>, storage by <see cref="InMemoryDocumentStore"/>,
/// and the clock by <see cref="RecordingTimeProvider"/>. <see cref="WithRealServices"/> keeps the app's own advisor,
/// renderers, storage and clock instead (end-to-end flows); its <see cref="Turns"/>, <see cref="Store"/> and
/// <see cref="Clock"/> are then unused.
/// </summary>
internal sealed class BotFrameworkHost(string environment, IReadOnlyDictionary<string, string?> settings, double timeScale = 1.0, bool fakes = true)
    : WebApplicationFactory<Program>
{
    public const string AppId = "5d7b1f5e-1b6a-4f5e-9c1e-8d7f3f6a0c11";
    public const string TenantId = "0c9a8b7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d";
    public const string BotId = "28:" + AppId;

    public ScriptedTurnHandler Turns { get; } = new();

    public InMemoryDocumentStore Store { get; } = new();

    public RecordingTimeProvider Clock { get; } = new(timeScale);

    /// <summary>What the host logged (Information and above).</summary>
    public CollectedLogs Logs { get; } = new();

    /// <summary>Settings of a host with authentication on (single-tenant), trusting the given token service and connector.</summary>
    public static Dictionary<string, string?> Authenticated(TokenServer tokens, FakeConnector connector) => new()
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "test-secret",
        ["MicrosoftAppTenantId"] = TenantId,
        ["BotFramework:OpenIdMetadataUrl"] = tokens.BotFrameworkMetadataUrl,
        ["BotFramework:EntraOpenIdMetadataUrl"] = tokens.EntraMetadataUrl,
        ["BotFramework:TokenEndpoint"] = connector.TokenEndpoint,
        ["BotFramework:MetadataRefreshInterval"] = "00:00:01",
    };

    /// <summary>The whole app as it runs (no fakes) with the given settings; the caller disposes it.</summary>
    public static BotFrameworkHost WithRealServices(string environment, IReadOnlyDictionary<string, string?> settings) =>
        new(environment, settings, fakes: false);

    public static JsonObject Message(string conversationId, string text, string serviceUrl, string? id = null, string channelId = "msteams") => new()
    {
        ["type"] = "message",
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-23T10:00:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Ada" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "FlywheelBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["text"] = text,
        ["locale"] = "en-US",
    };

    public async Task<HttpResponseMessage> PostAsync(JsonNode activity, string? bearer = null)
    {
        using var client = CreateClient();
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseSetting("BotFramework:ConnectorBaseDelay", "00:00:00.010");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (!fakes)
        {
            return;
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IDocumentStore>();
            services.AddSingleton<IDocumentStore>(Store);
            services.RemoveAll<ITurnHandler>();
            services.AddSingleton<ITurnHandler>(Turns);
            var renderers = new TestRenderers();
            services.RemoveAll<ICardRenderer>();
            services.RemoveAll<ITextRenderer>();
            services.AddSingleton<ICardRenderer>(renderers);
            services.AddSingleton<ITextRenderer>(renderers);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
