using System.Net;
using System.Net.Sockets;
using FlywheelBot.Bench;
using FlywheelBot.Tests.Channels.BotFramework.Support;

namespace FlywheelBot.Tests.Bench;

/// <summary>
/// The ports processes are started on, and the closed port the unreachable-peer tests rely on, stay out of reach of
/// whatever servers other tests start meanwhile.
/// </summary>
public sealed class LoopbackPortsTests
{
    [Fact]
    public async Task An_unused_port_refuses_connections_and_lies_below_the_ports_servers_are_given()
    {
        var port = LoopbackPorts.Unused();

        Assert.InRange(port, 1024, LoopbackPorts.FirstEphemeralPort() - 1);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public void A_server_that_asks_for_any_port_is_given_an_ephemeral_one()
    {
        // What keeps those ports free: servers started on port 0 (Kestrel, listeners) get ports from the kernel's
        // ephemeral range only, which this machine reads from /proc.
        Assert.True(File.Exists("/proc/sys/net/ipv4/ip_local_port_range"));
        var listeners = Enumerable.Range(0, 50).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());

            Assert.All(listeners, l => Assert.True(((IPEndPoint)l.LocalEndpoint).Port >= LoopbackPorts.FirstEphemeralPort()));
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    [Fact]
    public void No_port_is_handed_out_twice_and_the_closed_port_url_uses_them()
    {
        var ports = Enumerable.Range(0, 5).Select(_ => LoopbackPorts.Unused())
            .Append(new Uri(LoopbackServer.ClosedPortUrl()).Port)
            .ToHashSet();

        Assert.Equal(6, ports.Count);
        Assert.All(ports, p => Assert.True(p < LoopbackPorts.FirstEphemeralPort()));
    }
}
