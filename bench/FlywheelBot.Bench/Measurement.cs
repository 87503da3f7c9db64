namespace FlywheelBot.Bench;

/// <summary>Latencies (ms) of one phase, its wall time, and how many requests failed.</summary>
internal sealed record Measurement(double[] LatenciesMs, TimeSpan Elapsed, int Errors)
{
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
