using System.Diagnostics;

namespace FlywheelBot.Tests.Views;

/// <summary>
/// Finds the node peers (<c>peers/node_modules</c>, installed with <c>npm ci</c>): <c>FLYWHEEL_PEERS_DIR</c>, else the
/// nearest <c>peers</c> folder above the test assembly. Runs the validator scripts kept beside them. The Agents Playground
/// tests also need the Playground, playwright-core and Debian's Chromium (<c>FLYWHEEL_CHROMIUM</c>, else /usr/bin/chromium).
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

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("FLYWHEEL_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    /// <summary>Why the Playground tests cannot run here (a validator peer, the Playground, playwright-core or Chromium missing), or null.</summary>
    public static string? PlaygroundMissingReason =>
        MissingReason
        ?? (!System.IO.Directory.Exists(Path.Combine(Directory!, "node_modules", "@microsoft", "m365agentsplayground"))
            ? "the Agents Playground is not installed (run: cd peers && npm ci)"
            : !System.IO.Directory.Exists(Path.Combine(Directory!, "node_modules", "playwright-core"))
                ? "playwright-core is not installed (run: cd peers && npm ci)"
                : !File.Exists(ChromiumPath)
                    ? $"Chromium not found at {ChromiumPath} (apt-get install chromium, or set FLYWHEEL_CHROMIUM)"
                    : null);

    /// <summary>The reason <paramref name="peer"/> cannot run here, or null.</summary>
    public static string? MissingReasonFor(NodePeer peer) => peer == NodePeer.Playground ? PlaygroundMissingReason : MissingReason;

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(NodePath() ?? "node")
        {
            WorkingDirectory = Directory!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // peers/node_modules may be a symlink to a shared install; resolve packages' own dependencies through the link
        // (without this, node follows the real path, whose folder is not named node_modules, and misses them).
        start.Environment["NODE_PRESERVE_SYMLINKS"] = "1";
        start.ArgumentList.Add(Path.Combine(Directory!, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within 3 minutes:{Environment.NewLine}{await stdout}{await stderr}");
        }

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
