using System.Net;
using System.Net.Sockets;
using FlywheelBot.Tests.Channels.BotFramework.Support;

namespace FlywheelBot.Tests.Channels.BotFramework;

/// <summary>The closed port the unreachable-peer tests rely on stays closed, whatever other tests start meanwhile.</summary>
public sealed class LoopbackServerTests
{
    private static int FirstEphemeralPort() =>
        int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_closed_port_refuses_connections_and_lies_below_the_ports_servers_are_given()
    {
        var port = new Uri(LoopbackServer.ClosedPortUrl()).Port;

        Assert.InRange(port, 1024, FirstEphemeralPort() - 1);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public void A_server_that_asks_for_any_port_is_given_an_ephemeral_one()
    {
        // What keeps a closed port closed: servers started on port 0 (Kestrel, listeners) get ports from the
        // kernel's ephemeral range only.
        var listeners = Enumerable.Range(0, 50).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());

            Assert.All(listeners, l => Assert.True(((IPEndPoint)l.LocalEndpoint).Port >= FirstEphemeralPort()));
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    [Fact]
    public void Each_closed_port_is_a_port_of_its_own()
    {
        var ports = Enumerable.Range(0, 5).Select(_ => new Uri(LoopbackServer.ClosedPortUrl()).Port).ToHashSet();

        Assert.Equal(5, ports.Count);
    }
}
