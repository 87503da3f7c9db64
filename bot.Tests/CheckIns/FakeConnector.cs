using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlywheelBot.Tests.CheckIns;

/// <summary>
/// A Bot Framework connector on 127.0.0.1 (dynamic port) that records every activity the bot posts:
/// replies (<c>.../activities/{replyToId}</c>) and proactive messages (<c>.../activities</c>).
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _ids;

    private FakeConnector(WebApplication app) => _app = app;

    public ConcurrentQueue<(bool Proactive, JsonObject Activity)> Received { get; } = new();

    public string ServiceUrl { get; private set; } = string.Empty;

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpRequest request) => connector.RecordAsync(request, proactive: true));
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpRequest request) => connector.RecordAsync(request, proactive: false));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpRequest request) => connector.RecordAsync(request, proactive: false));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> RecordAsync(HttpRequest request, bool proactive)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        Received.Enqueue((proactive, body!.AsObject()));
        return Results.Json(new { id = $"sent-{Interlocked.Increment(ref _ids)}" }, statusCode: 201);
    }
}
