namespace FlywheelBot.Bench;

/// <summary>Latencies (ms) of one phase, its wall time, and how many requests failed.</summary>
internal sealed record Measurement(double[] LatenciesMs, TimeSpan Elapsed, int Errors)
{
    /// <summary>CPU time the server and the load generator spent during the phase (set by the load run).</summary>
    public (TimeSpan Server, TimeSpan Client) Cpu { get; init; }

    /// <summary>Microseconds of CPU per request: the server's, then the load generator's.</summary>
    public (double Server, double Client) CpuPerRequestUs => Requests == 0
        ? (double.NaN, double.NaN)
        : (Cpu.Server.TotalMicroseconds / Requests, Cpu.Client.TotalMicroseconds / Requests);

    /// <summary>The share of the machine's CPU time the hypervisor gave to other guests during the phase (%), if known.</summary>
    public double? StealPercent { get; init; }

    public int Requests => LatenciesMs.Length;

    public double Throughput => Requests / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        var index = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
