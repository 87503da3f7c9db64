using FlywheelBot.Flywheel;
using FlywheelBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Tests.Flywheel;

public sealed class FlywheelServicesTests
{
    [Fact]
    public async Task The_built_in_playbook_and_engine_are_singletons_ready_at_start()
    {
        using var host = Build(playbookPath: null);
        await host.StartAsync(CancellationToken.None);

        var playbook = host.Services.GetRequiredService<Playbook>();
        var engine = host.Services.GetRequiredService<DiagnosisEngine>();
        Assert.Same(playbook, host.Services.GetRequiredService<Playbook>());
        Assert.Same(engine, host.Services.GetRequiredService<DiagnosisEngine>());
        Assert.Same(playbook, engine.Playbook);
        Assert.Equal(PlaybookLoader.DefaultSource, playbook.Source);
        await host.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_team_playbook_path_relative_to_the_content_root_is_loaded()
    {
        var json = Given.ShippedJson();
        json["name"] = "Team playbook";
        var file = Given.TempFile(json.ToJsonString());
        try
        {
            using var host = Build(Path.GetFileName(file));
            await host.StartAsync(CancellationToken.None);

            Assert.Equal("Team playbook", host.Services.GetRequiredService<Playbook>().Name);
            await host.StopAsync(CancellationToken.None);
        }
        finally
        {
            Given.Delete(file);
        }
    }

    [Fact]
    public async Task A_broken_playbook_stops_start_up_with_the_file_path_and_problem_in_the_message()
    {
        var json = Given.ShippedJson();
        json["activities"]![3]!["stage"] = "awarness";
        var file = Given.TempFile(json.ToJsonString());
        try
        {
            using var host = Build(file);

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

            Assert.Contains("Flywheel:PlaybookPath", error.Message, StringComparison.Ordinal);
            Assert.Contains(file, error.Message, StringComparison.Ordinal);
            Assert.Contains("$.activities[3].stage: unknown stage 'awarness'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Given.Delete(file);
        }
    }

    private static IHost Build(string? playbookPath)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Path.GetTempPath(),
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection([new("Flywheel:PlaybookPath", playbookPath)]);
        builder.Services.AddFlywheel();
        return builder.Build();
    }
}
