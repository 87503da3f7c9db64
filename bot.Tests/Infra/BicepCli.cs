using System.Diagnostics;
using System.Reflection;

namespace FlywheelBot.Tests.Infra;

/// <summary>
/// The Bicep CLI the test project restores from NuGet (<c>Azure.Bicep.CommandLine.linux-x64</c>, a PackageDownload in
/// the csproj): no Azure account, no network. Its path is stamped into the test assembly at build time.
/// </summary>
internal static class BicepCli
{
    public static string Path { get; } = Locate();

    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, no update checks: the CLI must not try the network.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value
            ?? throw new InvalidOperationException("the BicepCli path was not stamped into the test assembly");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep CLI is missing at {path}: 'dotnet restore bot.Tests' downloads it (Azure.Bicep.CommandLine.linux-x64).");
        }

        // NuGet extracts files without their execute bit on some systems.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}
