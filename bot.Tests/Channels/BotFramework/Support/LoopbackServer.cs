using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
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

    /// <summary>The ports <see cref="ClosedPortUrl"/> has handed out, so no two tests share one.</summary>
    private static readonly ConcurrentDictionary<int, bool> ClosedPorts = new();

    /// <summary>
    /// A loopback URL nothing listens on, for the whole test run. Its port is below the kernel's range of ephemeral
    /// ports, which is where every server asking for "any port" (Kestrel on port 0, a test's listener) and every
    /// outgoing connection gets its port, and it refused a connection when it was chosen. A free port found by binding
    /// port 0 and releasing it (as before) is back in that range at once: a retry test once got an answer on its third
    /// attempt from a server another test had started on it. Holding the port bound would not keep others off it:
    /// .NET binds its TCP sockets with SO_REUSEADDR, so a listener may share a port that a socket only holds bound.
    /// </summary>
    public static string ClosedPortUrl()
    {
        var lowest = FirstEphemeralPort();
        if (lowest <= 2048)
        {
            throw new InvalidOperationException($"the ephemeral ports start at {lowest}: no room below them for a closed port");
        }

        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(Math.Max(1024, lowest - 10_000), lowest);
            if (ClosedPorts.TryAdd(port, true) && Refuses(port))
            {
                return $"http://127.0.0.1:{port}";
            }
        }

        throw new InvalidOperationException($"no closed loopback port found below {lowest}");
    }

    /// <summary>The lowest ephemeral port (Linux: /proc/sys/net/ipv4/ip_local_port_range; elsewhere IANA's 49152).</summary>
    private static int FirstEphemeralPort()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(Range) && int.TryParse(File.ReadAllText(Range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out var low)
            ? low
            : 49152;
    }

    private static bool Refuses(int port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Connect(IPAddress.Loopback, port);
            return false;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
    }
}
