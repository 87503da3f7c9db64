using System.Diagnostics;

namespace FlywheelBot.Tests.Views;

/// <summary>
/// Finds the node peers (<c>peers/node_modules</c>, installed with <c>npm ci</c>): <c>FLYWHEEL_PEERS_DIR</c>, else the
/// nearest <c>peers</c> folder above the test assembly. Runs the validator scripts kept beside them.
/// </summary>
internal static class NodePeers
{
    public static string? Directory { get; } = Find();

    /// <summary>True when a missing peer must fail the run (CI), not skip.</summary>
    public static bool Required =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FLYWHEEL_REQUIRE_PEERS"));

    public static string? MissingReason =>
        Directory is null
            ? "node peers not installed (run: cd peers && npm ci), or set FLYWHEEL_PEERS_DIR"
            : NodePath() is null ? "node is not on PATH" : null;

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, string argument)
    {
        var start = new ProcessStartInfo(NodePath() ?? "node")
        {
            WorkingDirectory = Directory!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(Directory!, script));
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("FLYWHEEL_PEERS_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return HasModules(configured) ? Path.GetFullPath(configured) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var peers = Path.Combine(dir.FullName, "peers");
            if (HasModules(peers))
            {
                return peers;
            }
        }

        return null;
    }

    private static bool HasModules(string peers) =>
        System.IO.Directory.Exists(Path.Combine(peers, "node_modules", "adaptivecards")) &&
        System.IO.Directory.Exists(Path.Combine(peers, "node_modules", "@microsoft", "teams.cards")) &&
        System.IO.Directory.Exists(Path.Combine(peers, "node_modules", "typescript"));

    private static string? NodePath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, "node"))
            .FirstOrDefault(File.Exists);
}
