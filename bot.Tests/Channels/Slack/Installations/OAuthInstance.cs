using FlywheelBot.Conversations;
using FlywheelBot.Channels.Slack;
using FlywheelBot.Channels.Slack.Installations;
using FlywheelBot.Hosting;
using FlywheelBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlywheelBot.Tests.Channels.Slack.Installations;

/// <summary>
/// One bot instance's Slack OAuth services, composed by the real <c>AddSlackOAuth</c> over a given document store
/// (two of these over one database are two instances), talking to the fake Slack API.
/// </summary>
internal sealed class OAuthInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private OAuthInstance(ServiceProvider services) => _services = services;

    public ISlackInstallations Installations => _services.GetRequiredService<ISlackInstallations>();

    public OAuthSlackInstallations OAuth => _services.GetRequiredService<OAuthSlackInstallations>();

    public SlackTokenProtector Tokens => _services.GetRequiredService<SlackTokenProtector>();

    public IDataProtectionProvider DataProtection => _services.GetRequiredService<IDataProtectionProvider>();

    public SlackInstallationStore Store => _services.GetRequiredService<SlackInstallationStore>();

    public static OAuthInstance Create(
        IDocumentStore store,
        Uri apiBase,
        TimeProvider? clock = null,
        IInstallationRemovedListener? listener = null,
        params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Slack:ClientId"] = FakeSlackOAuthApi.ClientId,
                ["Slack:ClientSecret"] = FakeSlackOAuthApi.ClientSecret,
                ["Slack:ApiBaseUrl"] = apiBase.AbsoluteUri,
            })
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddSingleton(store);
        if (listener is not null)
        {
            services.AddSingleton(listener);
        }

        services.AddSlackOAuth(configuration);
        return new OAuthInstance(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    /// <summary>Stores an installation as the redirect would, for a token the fake issued.</summary>
    public async Task<StoredSlackInstallation> SaveAsync(
        string teamId, string token, string? refreshToken = null, DateTimeOffset? expiresAt = null, string? enterpriseId = null, bool orgWide = false)
    {
        var now = _services.GetRequiredService<TimeProvider>().GetUtcNow();
        var installation = new StoredSlackInstallation(
            enterpriseId,
            enterpriseId is null ? null : "Grid",
            orgWide ? null : teamId,
            orgWide ? null : $"Team {teamId}",
            orgWide,
            orgWide ? "https://grid.enterprise.slack.com/" : null,
            "A0FLYWHEEL",
            $"UBOT{teamId}",
            $"B{teamId}",
            ["chat:write"],
            "U0INSTALLER",
            now,
            Tokens.Protect(token),
            refreshToken is null ? null : Tokens.Protect(refreshToken),
            expiresAt,
            Refresh: null,
            UpdatedAt: now);
        await OAuth.SaveAsync(installation, CancellationToken.None);
        return installation;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
