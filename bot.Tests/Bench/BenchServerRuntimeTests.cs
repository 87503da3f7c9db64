using System.Text.Json;
using System.Text.Json.Nodes;
using FlywheelBot.Bench;

namespace FlywheelBot.Tests.Bench;

/// <summary>
/// The bench measures the bot's server process under the APP's runtime settings (its runtimeconfig.json: GC mode and
/// every other configProperty), not under the load generator's.
/// </summary>
public sealed class BenchServerRuntimeTests
{
    [Fact]
    public async Task The_bench_server_runs_with_every_runtime_setting_of_the_app()
    {
        var appConfig = ServerProcess.AppRuntimeConfig();
        var properties = ConfigProperties(JsonNode.Parse(await File.ReadAllTextAsync(appConfig))!);
        Assert.NotEmpty(properties);

        // A copy of the app's file with one extra setting: the server must see exactly the file it was given.
        var directory = Directory.CreateTempSubdirectory("flywheel-runtimeconfig-");
        try
        {
            var copy = JsonNode.Parse(await File.ReadAllTextAsync(appConfig))!;
            copy["runtimeOptions"]!["configProperties"]!["FlywheelBot.Bench.Probe"] = "from-the-given-file";
            var copyPath = Path.Combine(directory.FullName, "probe.runtimeconfig.json");
            await File.WriteAllTextAsync(copyPath, copy.ToJsonString());

            await using var server = await ServerProcess.StartBotAsync(Targets.Sqlite, null, copyPath);
            using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

            foreach (var (name, value) in properties)
            {
                var seen = await client.GetStringAsync($"/bench/runtime/setting/{Uri.EscapeDataString(name)}");
                Assert.True(string.Equals(value, seen, StringComparison.OrdinalIgnoreCase), $"{name}: the app says {value}, the bench server sees '{seen}'");
            }

            Assert.Equal("from-the-given-file", await client.GetStringAsync("/bench/runtime/setting/FlywheelBot.Bench.Probe"));
            var serverGc = properties.TryGetValue("System.GC.Server", out var gc) && bool.Parse(gc);
            Assert.Equal(serverGc ? "server" : "workstation", await client.GetStringAsync("/bench/runtime/gc"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_app_runs_workstation_gc_without_background_collections_and_a_small_gen0_budget()
    {
        // The memory budget (bench/README.md, README "Performance") is measured and met with these; a change of GC mode
        // must be a deliberate one, measured again.
        var properties = ConfigProperties(JsonNode.Parse(File.ReadAllText(ServerProcess.AppRuntimeConfig()))!);

        Assert.Equal("false", properties["System.GC.Server"], ignoreCase: true);
        Assert.Equal("false", properties["System.GC.Concurrent"], ignoreCase: true);
        Assert.Equal("4194304", properties["System.GC.Gen0MaxBudget"]);
    }

    [Fact]
    public async Task The_bench_servers_gc_applies_the_apps_gen0_budget()
    {
        // The setting being in runtimeconfig.json is not enough: the GC reads some of its settings only from the
        // environment (GCgen0size). This asks the server's GC what it applies, with the app's file and without the
        // setting (the runtime's own budget, derived from the cache size, is another value).
        var appConfig = ServerProcess.AppRuntimeConfig();
        var properties = ConfigProperties(JsonNode.Parse(await File.ReadAllTextAsync(appConfig))!);
        var budget = properties["System.GC.Gen0MaxBudget"];

        await using (var server = await ServerProcess.StartBotAsync(Targets.Sqlite, null))
        {
            using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            Assert.Equal(budget, await client.GetStringAsync("/bench/runtime/gc/config/GCGen0MaxBudget"));
        }

        var directory = Directory.CreateTempSubdirectory("flywheel-runtimeconfig-");
        try
        {
            var copy = JsonNode.Parse(await File.ReadAllTextAsync(appConfig))!;
            copy["runtimeOptions"]!["configProperties"]!.AsObject().Remove("System.GC.Gen0MaxBudget");
            var copyPath = Path.Combine(directory.FullName, "default-budget.runtimeconfig.json");
            await File.WriteAllTextAsync(copyPath, copy.ToJsonString());

            await using var server = await ServerProcess.StartBotAsync(Targets.Sqlite, null, copyPath);
            using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            Assert.NotEqual(budget, await client.GetStringAsync("/bench/runtime/gc/config/GCGen0MaxBudget"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_load_generator_does_not_spin_while_it_waits_and_the_app_keeps_the_runtime_default()
    {
        // A load generator that spins while it waits for replies takes CPU from the server it measures on the same
        // cores (bench/FlywheelBot.Bench.csproj). The bot's server runs under the app's file, which leaves the
        // runtime's spinning as it is: only a measured change may set it there.
        const string SpinLimit = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";
        var loadGenerator = Path.Combine(Path.GetDirectoryName(typeof(ServerProcess).Assembly.Location)!, "FlywheelBot.Bench.runtimeconfig.json");
        Assert.Equal("0", ConfigProperties(JsonNode.Parse(File.ReadAllText(loadGenerator))!)[SpinLimit]);
        Assert.False(ConfigProperties(JsonNode.Parse(File.ReadAllText(ServerProcess.AppRuntimeConfig()))!).ContainsKey(SpinLimit));
    }

    private static Dictionary<string, string> ConfigProperties(JsonNode runtimeConfig) =>
        runtimeConfig["runtimeOptions"]!["configProperties"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value.ToJsonString());
}
