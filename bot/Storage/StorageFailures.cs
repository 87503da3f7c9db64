using System.Net.Sockets;
using Npgsql;

namespace FlywheelBot.Storage;

/// <summary>Tells a store that is not reachable yet (worth retrying) from one that is misconfigured (fail at once).</summary>
internal static class StorageFailures
{
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true } or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
