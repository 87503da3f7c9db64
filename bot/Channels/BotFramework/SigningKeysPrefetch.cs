using FlywheelBot.Channels.BotFramework.Auth;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>
/// At start-up, when authentication is on: starts fetching the Bot Framework signing keys in the background (building
/// the authenticator and its HTTP client included), while the rest of the host starts, so the first turn after a
/// restart or a scale-out does not wait for the OpenID metadata and key set to come over the network. Start-up never
/// waits for it and does not fail with it: a failed prefetch leaves the fetch to the first request, as without one.
/// </summary>
internal sealed class SigningKeysPrefetch(IOptions<BotCredentials> credentials, IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (credentials.Value.AuthenticationEnabled)
        {
            _ = Task.Run(() => services.GetRequiredService<BotAuthenticator>().Prefetch(), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
