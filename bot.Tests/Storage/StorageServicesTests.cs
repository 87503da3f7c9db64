using FlywheelBot.Hosting;
using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Tests.Storage;

public sealed class StorageServicesTests : IDisposable
{
    private readonly FeatureHost _hosts = new("flywheel-host");

    public void Dispose() => _hosts.Dispose();

    [Fact]
    public async Task Default_settings_create_a_sqlite_file_under_the_content_root_at_start_up()
    {
        using var host = Build([]);

        await host.StartAsync();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await host.StopAsync();

        Assert.IsType<SqliteDocumentStore>(store);
        Assert.True(File.Exists(Path.Combine(_hosts.ContentRoot, "data", "flywheelbot.db")));
        Assert.Same(host.Services.GetRequiredService<IVersionedStore>(), host.Services.GetRequiredService<IVersionedStore>());
        Assert.Same(store, host.Services.GetRequiredService<IDocumentStore>());
    }

    [Fact]
    public async Task A_stored_value_survives_a_host_restart_on_the_same_file()
    {
        using (var first = Build([]))
        {
            await first.StartAsync();
            await first.Services.GetRequiredService<IVersionedStore>().UpdateAsync(
                "conversations", "c1", StorageTestJson.Default.Counter, _ => new Counter(4, "question 4"), null, CancellationToken.None);
            await first.StopAsync();
        }

        using var second = Build([]);
        await second.StartAsync();
        var read = await second.Services.GetRequiredService<IVersionedStore>()
            .ReadAsync("conversations", "c1", StorageTestJson.Default.Counter, CancellationToken.None);
        await second.StopAsync();

        Assert.Equal(new Versioned<Counter>(new Counter(4, "question 4"), 1, false), read);
    }

    [Theory]
    [InlineData("postgres", StorageProvider.Postgres)]
    [InlineData("POSTGRES", StorageProvider.Postgres)]
    [InlineData("sqlite", StorageProvider.Sqlite)]
    [InlineData("Sqlite", StorageProvider.Sqlite)]
    public void The_provider_setting_is_case_insensitive(string setting, StorageProvider expected)
    {
        using var host = Build([("Storage:Provider", setting), ("Storage:ConnectionString", ConnectionStringFor(expected))]);

        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider);
    }

    [Theory]
    [InlineData("Storage:Provider", "Mongo", "Storage:Provider")]
    [InlineData("Storage:Provider", "7", "Storage:Provider")]
    [InlineData("Storage:ConnectionString", "", "Storage:ConnectionString")]
    [InlineData("Storage:ConnectionString", "Data Source=:memory:", "Storage:ConnectionString")]
    [InlineData("Storage:ConnectionString", "Nonsense Keyword=1", "Storage:ConnectionString")]
    [InlineData("Storage:PurgeInterval", "00:00:00", "PurgeInterval")]
    [InlineData("Storage:DialogStateRetention", "-1.00:00:00", "DialogStateRetention")]
    public async Task A_bad_setting_stops_start_up_with_a_message_naming_it(string setting, string value, string named)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var host = Build([(setting, value)]);
            await host.StartAsync();
        });

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Data Source=data/flywheelbot.db")]
    public async Task Postgres_without_a_connection_string_refuses_to_start(string? connectionString)
    {
        var settings = new List<(string, string)> { ("Storage:Provider", "Postgres") };
        if (connectionString is not null)
        {
            settings.Add(("Storage:ConnectionString", connectionString));
        }

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            using var host = Build(settings);
            await host.StartAsync();
        });

        Assert.Contains("Storage:ConnectionString is required when Storage:Provider is Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_stops_start_up_once_naming_the_setting_but_not_the_secret()
    {
        using var host = Build([
            ("Storage:Provider", "Postgres"),
            ("Storage:ConnectionString", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=hunter2-secret;Timeout=3"),
            ("Storage:StartupRetryTimeout", "00:00:00"), // no retrying (HealthEndpointTests covers the retry that gives up)
        ]);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => host.StartAsync());

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unwritable_sqlite_location_stops_start_up_naming_the_setting()
    {
        var blocker = Path.Combine(_hosts.ContentRoot, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "x");
        using var host = Build([("Storage:ConnectionString", "Data Source=not-a-directory/bot.db")]);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => host.StartAsync());

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_settings_bind_with_sensible_defaults()
    {
        using var defaults = Build([]);
        using var configured = Build([("Storage:ProcessedActivityRetention", "12:00:00"), ("Storage:DialogStateRetention", "7.00:00:00")]);

        var byDefault = defaults.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var set = configured.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal((TimeSpan.FromDays(2), TimeSpan.FromDays(30)), (byDefault.ProcessedActivityRetention, byDefault.DialogStateRetention));
        Assert.Equal((TimeSpan.FromHours(12), TimeSpan.FromDays(7)), (set.ProcessedActivityRetention, set.DialogStateRetention));
    }

    private static string ConnectionStringFor(StorageProvider provider) =>
        provider == StorageProvider.Postgres ? "Host=127.0.0.1;Database=x" : "Data Source=data/flywheelbot.db";

    private IHost Build(IEnumerable<(string Key, string Value)> settings) => _hosts.Build(settings, s => s.AddStorage());
}
