using FlywheelBot.Hosting;

namespace FlywheelBot.Bench;

/// <summary>
/// The measured process: the real bot host (auth off, Development) plus <c>POST /bench/bare</c>, which reads
/// nothing and returns 200 — the baseline every figure is compared with, served by the same Kestrel in the same run —
/// and <c>GET /bench/jit</c>, the number of methods the JIT has compiled so far (the warm-up runs until it stops rising),
/// and <c>GET /bench/gc</c>, the collections of each generation, the total GC pause so far (ms), and the managed heap's
/// size and committed memory after the last collection (MB); <c>GET /bench/runtime/gc</c> (<c>server</c> or
/// <c>workstation</c>) and <c>GET /bench/runtime/setting/{name}</c> (a runtimeconfig setting as the process sees it), so
/// a test can check that the server runs under the app's runtime settings.
/// Prints <c>listening {url}</c> on stdout once ready.
/// </summary>
internal static class BenchServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var app = BotHost.Build(
        [
            .. args,
            "--environment=Development",
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
        ]);
        app.MapPost("/bench/bare", () => Results.Ok());
        app.MapGet("/bench/jit", () => Results.Text(System.Runtime.JitInfo.GetCompiledMethodCount().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        app.MapGet("/bench/gc", () => Results.Text(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)} {GC.GetTotalPauseDuration().TotalMilliseconds} {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0} {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0}")));
        app.MapGet("/bench/runtime/gc", () => Results.Text(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation"));
        app.MapGet("/bench/runtime/setting/{name}", (string name) => Results.Text(AppContext.GetData(name)?.ToString() ?? string.Empty));
        app.MapGet("/bench/runtime/gc/config/{name}", (string name) =>
            Results.Text(GC.GetConfigurationVariables().TryGetValue(name, out var value) ? System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty : string.Empty));
        await app.StartAsync();
        var address = app.Urls.First();
        Console.WriteLine($"listening {address}");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
