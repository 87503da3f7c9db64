using FlywheelBot.Advisor;
using FlywheelBot.Channels.BotFramework.Cards;
using FlywheelBot.Conversations;
using FlywheelBot.Hosting;
using FlywheelBot.Views;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Tests.Advisor;

public sealed class AdvisorServicesTests : IDisposable
{
    private readonly FeatureHost _hosts = new("flywheel-advisor-host");

    public void Dispose() => _hosts.Dispose();

    [Fact]
    public async Task The_host_wires_the_handler_profiles_and_renderers_and_a_turn_runs_on_the_default_store()
    {
        using var host = Build([]);
        await host.StartAsync();

        var handler = host.Services.GetRequiredService<ITurnHandler>();
        var output = await handler.HandleAsync(InboundTurn.Message("test:c1", "start"), CancellationToken.None);
        var text = host.Services.GetRequiredService<ITextRenderer>().Render(output.Replies[^1]);
        await host.StopAsync();

        Assert.IsType<QuestionView>(output.Replies[^1]);
        Assert.Contains(((QuestionView)output.Replies[^1]).Prompt, text, StringComparison.Ordinal);
        Assert.IsType<VersionedTeamProfileStore>(host.Services.GetRequiredService<ITeamProfileStore>());
        Assert.IsType<PlainTextRenderer>(host.Services.GetRequiredService<ITextRenderer>());

        // Cards are the Bot Framework channel's: the advisor feature alone registers none.
        Assert.Null(host.Services.GetService<ICardRenderer>());
    }

    [Theory]
    [InlineData("Advisor:ProfileFreshDays", "0")]
    [InlineData("Advisor:MaxMisses", "99")]
    public async Task A_bad_setting_stops_start_up_naming_it(string key, string value)
    {
        using var host = Build([(key, value)]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private IHost Build(IEnumerable<(string Key, string Value)> settings) => _hosts.Build(settings, s => s.AddFlywheel(), s => s.AddStorage(), s => s.AddAdvisor());
}
