using FlywheelBot.Advisor;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.History;
using FlywheelBot.Conversations;
using FlywheelBot.Hosting;
using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Tests.CheckIns;

public sealed class CheckInServicesTests
{
    [Fact]
    public void AddCheckIns_registers_the_interceptor_the_recorder_and_the_scheduler()
    {
        using var host = Build(new Dictionary<string, string?> { ["CheckIns:DefaultTimeZone"] = "Europe/Berlin", ["CheckIns:PollInterval"] = "00:00:05" });

        Assert.Contains(host.Services.GetServices<ITurnInterceptor>(), i => i is CheckInInterceptor);
        Assert.IsType<HistoryRecorder>(host.Services.GetRequiredService<IDiagnosisRecorder>());
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is CheckInScheduler);
        var options = host.Services.GetRequiredService<IOptions<CheckInOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(5), options.PollInterval);
        Assert.Equal("Europe/Berlin", options.FallbackTimeZone);
    }

    [Theory]
    [InlineData("CheckIns:DefaultTimeZone", "Mars/Olympus")]
    [InlineData("CheckIns:PollInterval", "00:00:00")]
    [InlineData("CheckIns:ClaimTimeout", "00:00:01")]
    [InlineData("CheckIns:ReminderDelay", "30.00:00:00")]
    public async Task A_bad_setting_stops_start_up_with_a_message_naming_it(string setting, string value)
    {
        using var host = Build(new Dictionary<string, string?> { [setting] = value, ["CheckIns:Enabled"] = "false" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(setting.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IDocumentStore>(new InMemoryDocumentStore());
        builder.Services.AddSingleton<ITeamProfileStore, FakeTeamProfileStore>();
        builder.Services.AddSingleton<IConversationDirectory, FakeConversationDirectory>();
        builder.Services.AddSingleton<IProactiveMessenger, RecordingMessenger>();
        builder.Services.AddFlywheel();
        builder.Services.AddCheckIns();
        return builder.Build();
    }
}
