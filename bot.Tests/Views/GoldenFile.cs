using System.Runtime.CompilerServices;

namespace FlywheelBot.Tests.Views;

/// <summary>
/// A tiny approval helper: writes the actual text to <c>Golden/{name}.received.json</c> and compares it with the
/// committed <c>Golden/{name}.approved.json</c>. To approve a change, review the received file and rename it
/// (or run once with <c>FLYWHEEL_APPROVE=1</c>, then review the diff before committing).
/// </summary>
internal static class GoldenFile
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden");
        Directory.CreateDirectory(folder);
        var approvedPath = Path.Combine(folder, $"{name}.approved.json");
        var receivedPath = Path.Combine(folder, $"{name}.received.json");
        var normalized = actual.ReplaceLineEndings("\n").TrimEnd() + "\n";

        if (Environment.GetEnvironmentVariable("FLYWHEEL_APPROVE") == "1")
        {
            File.WriteAllText(approvedPath, normalized);
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalized);
        Assert.Fail(approved is null
            ? $"No approved golden file for '{name}'. Review {receivedPath} and rename it to {Path.GetFileName(approvedPath)}."
            : $"'{name}' differs from its golden file. Compare {receivedPath} with {approvedPath}; approve by renaming if the change is intended.");
    }
}
