using System.Globalization;

namespace FlywheelBot.Bench;

/// <summary>
/// How much of the machine's CPU time the hypervisor gave to other guests during a phase (the <c>steal</c> column of
/// <c>/proc/stat</c>). On a shared virtual machine it moves from run to run (0-18% within an hour on the project's
/// machine), and every rate of a phase with much of it is lower for that reason alone: the report shows it per phase,
/// so a run measured while the host was busy can be told apart from a change in the bot.
/// </summary>
internal static class CpuSteal
{
    /// <summary>The machine's CPU time counters (all cores, in clock ticks): the total and the stolen part, or null off Linux.</summary>
    public static (long Total, long Stolen)? Read() =>
        File.Exists("/proc/stat") ? Parse(File.ReadLines("/proc/stat").First()) : null;

    /// <summary>
    /// Parses the first line of <c>/proc/stat</c> (<c>cpu user nice system idle iowait irq softirq steal guest
    /// guest_nice</c>). The total is the first eight fields: guest time is already counted in user time.
    /// </summary>
    public static (long Total, long Stolen)? Parse(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu")
        {
            return null;
        }

        var values = new long[8];
        for (var i = 0; i < values.Length; i++)
        {
            if (!long.TryParse(fields[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return (values.Sum(), values[7]);
    }

    /// <summary>The stolen share of the CPU time between two readings, in percent; null when either is missing.</summary>
    public static double? Percent((long Total, long Stolen)? before, (long Total, long Stolen)? after) =>
        before is { } b && after is { } a && a.Total > b.Total ? 100.0 * (a.Stolen - b.Stolen) / (a.Total - b.Total) : null;
}
