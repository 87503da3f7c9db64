namespace FlywheelBot.Bench;

/// <summary>
/// Milliseconds from process start to the port opening and to the first turn's answer, and the CPU milliseconds the
/// process had used by then, one entry per start; and the process's peak resident set by then (MB; empty when not read).
/// </summary>
internal sealed record ColdStartResult(IReadOnlyList<double> PortOpenMs, IReadOnlyList<double> FirstTurnMs, IReadOnlyList<double> CpuMs, int Failures)
{
    public IReadOnlyList<double> ResidentMb { get; init; } = [];

    public double MedianCpuMs => Median(CpuMs);

    public double MedianFirstTurnMs => Median(FirstTurnMs);

    public double MedianPortOpenMs => Median(PortOpenMs);

    public double WorstFirstTurnMs => FirstTurnMs.Count == 0 ? double.NaN : FirstTurnMs.Max();

    /// <summary>The middle value (the mean of the two middle ones for an even count); NaN for none.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
