using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FlywheelBot.Bench;

/// <summary>
/// Loopback ports for a process to be started on (the published app, the Playground) or for nothing to listen on (a
/// peer that is down). A port found free by binding port 0 and releasing it goes straight back into the kernel's range
/// of ephemeral ports, where every server started on port 0 meanwhile (the test suite starts many in parallel) may be
/// given it before the process it was meant for binds it; a test once got an answer from such a server on a port
/// that was meant to be closed. So the ports come from below that range, where the kernel never places a server that
/// asks for any port; each one refuses a connection when it is chosen and is handed out once per process. (Holding
/// the port with a bound socket would not keep others off it: .NET binds its TCP sockets with SO_REUSEADDR, so a
/// listener may share a port that a socket only holds bound.)
/// </summary>
internal static class LoopbackPorts
{
    private const string EphemeralRange = "/proc/sys/net/ipv4/ip_local_port_range";

    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>A loopback port nothing listens on now and no server asking for any port will be given.</summary>
    public static int Unused()
    {
        var lowest = FirstEphemeralPort();
        if (lowest <= 2048)
        {
            throw new InvalidOperationException($"the ephemeral ports start at {lowest}: no room below them for a port of our own");
        }

        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(Math.Max(1024, lowest - 10_000), lowest);
            if (HandedOut.TryAdd(port, true) && Refuses(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no unused loopback port found below {lowest}");
    }

    /// <summary>The lowest ephemeral port (Linux: <c>ip_local_port_range</c>; elsewhere IANA's 49152).</summary>
    public static int FirstEphemeralPort() =>
        File.Exists(EphemeralRange) && int.TryParse(File.ReadAllText(EphemeralRange).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out var low)
            ? low
            : 49152;

    /// <summary>
    /// Waits for <paramref name="process"/> to open <paramref name="port"/>, trying every <paramref name="poll"/>:
    /// false when the process exits, or <paramref name="within"/> passes, before the port accepts a connection.
    /// </summary>
    public static async Task<bool> OpenedByAsync(Process process, int port, TimeSpan within, TimeSpan poll)
    {
        var waited = Stopwatch.StartNew();
        while (!await AcceptsAsync(port))
        {
            if (process.HasExited || waited.Elapsed > within)
            {
                return false;
            }

            await Task.Delay(poll);
        }

        return true;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
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
