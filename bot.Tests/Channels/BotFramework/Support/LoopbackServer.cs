using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>A real Kestrel server on 127.0.0.1 with a dynamic port, for the peers the bot talks to over HTTP.</summary>
internal static class LoopbackServer
{
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, address.TrimEnd('/'));
    }

    /// <summary>A loopback URL nothing listens on, for the whole test run (<see cref="FlywheelBot.Bench.LoopbackPorts"/>).</summary>
    public static string ClosedPortUrl() => $"http://127.0.0.1:{FlywheelBot.Bench.LoopbackPorts.Unused()}";
}
