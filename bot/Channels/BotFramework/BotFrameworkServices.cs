using FlywheelBot.Settings;
using Azure.Core;
using Azure.Identity;
using FlywheelBot.Channels.BotFramework.Auth;
using FlywheelBot.Channels.BotFramework.Cards;
using FlywheelBot.Channels.BotFramework.Connector;
using FlywheelBot.Channels.BotFramework.Inbound;
using FlywheelBot.Channels.BotFramework.Outbound;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;

namespace FlywheelBot.Channels.BotFramework;

internal static class BotFrameworkServices
{
    private const string MetadataClient = "BotFramework.Metadata";

    /// <summary>
    /// Registers the Bot Framework channel (bot/Channels/BotFramework/): credentials and options, token validation, the
    /// connector, the Adaptive Card renderer, the processor behind <c>/api/messages</c>, its route type (addresses stored flat before routes existed
    /// are read as Bot Framework routes) and its proactive messenger, keyed <see cref="BotFrameworkRoute.Channel"/>.
    /// Switched on unless <c>BotFramework:Enabled</c> is false (<see cref="BotFrameworkSwitch"/>); off, nothing of it is
    /// registered or mapped.
    /// </summary>
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var state = BotFrameworkSwitch.From(configuration);
        services.AddSingleton(state);
        if (!state.Enabled)
        {
            return services;
        }

        services.AddConversations();

        services.AddOptions<BotCredentials>().Configure<IConfiguration>((credentials, configuration) => configuration.Bind(credentials)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentials>>(new BotCredentialsValidator(environment.IsDevelopment()));
        services.AddOptions<BotFrameworkOptions>().BindConfiguration(BotFrameworkOptions.Section).ValidateAttributes<BotFrameworkOptions, BotFrameworkOptionsAttributes>().ValidateOnStart();

        // Outbound HTTP goes through the standard resilience pipeline (issue 10, item 9); timeouts are the pipeline's, so
        // HttpClient's own is off. See ConnectorResilience for the connector's retry rules.
        services.AddHttpClient(MetadataClient, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) => ConnectorResilience.ForMetadata(resilience, provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value));
        services.AddHttpClient(BotTokenProvider.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) => ConnectorResilience.ForToken(resilience, provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value));
        services.AddSingleton(CreateAuthenticator);
        services.AddSingleton<BotTokenProvider>();
        services.AddSingleton<ManagedIdentityTokenSource>();
        services.AddKeyedSingleton<TokenCredential>(ManagedIdentityTokenSource.CredentialKey, (provider, _) =>
            new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(
                provider.GetRequiredService<IOptions<BotCredentials>>().Value.MicrosoftAppId!)));
        services.AddSingleton<IBotTokenSource>(provider =>
            provider.GetRequiredService<IOptions<BotCredentials>>().Value.IsManagedIdentity
                ? provider.GetRequiredService<ManagedIdentityTokenSource>()
                : provider.GetRequiredService<BotTokenProvider>());
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .SelectPipelineByAuthority()
            .Configure((resilience, provider) => ConnectorResilience.ForConnector(
                resilience, provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService<AuthenticationOffWarning>();
        services.AddHostedService<SigningKeysPrefetch>();

        services.TryAddSingleton<ICardRenderer, AdaptiveCardRenderer>();
        services.AddSingleton<ActivityFactory>();
        services.AddTransient<ActivityProcessor>();
        services.AddTransient<MessagesEndpoint>();

        services.AddSingleton(new ConversationRouteType(
            BotFrameworkRoute.Channel, BotFrameworkRoute.Discriminator, BotFrameworkJsonContext.Default.BotFrameworkRoute, ReadsStoredWithoutRoute: true));
        services.AddKeyedTransient<IProactiveMessenger, BotFrameworkMessenger>(BotFrameworkRoute.Channel);
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c> and the <c>HEAD</c> reachability probe (when the channel is on).</summary>
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<BotFrameworkSwitch>() is not { Enabled: true })
        {
            return endpoints;
        }

        endpoints.MapMethods("/api/messages", [HttpMethods.Head], () => Results.Ok());
        endpoints.MapPost("/api/messages", (HttpContext context, MessagesEndpoint messages) => messages.HandleAsync(context));
        return endpoints;
    }

    private static BotAuthenticator CreateAuthenticator(IServiceProvider provider)
    {
        var credentials = provider.GetRequiredService<IOptions<BotCredentials>>().Value;
        var options = provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        var http = provider.GetRequiredService<IHttpClientFactory>();
        var clock = provider.GetRequiredService<TimeProvider>();
        var metadata = new SigningMetadataRetriever();
        SigningKeySource Keys(string address) => new(
            cancellationToken => metadata.GetConfigurationAsync(
                address, new HttpDocumentRetriever(http.CreateClient(MetadataClient)) { RequireHttps = !IsLoopback(address) }, cancellationToken),
            clock,
            options.MetadataRefreshInterval,
            options.MetadataMaxAge,
            options.UnknownKeyIdMemory);

        var appId = credentials.MicrosoftAppId ?? string.Empty;
        return new BotAuthenticator(
            appId,
            TokenIssuers.For(options, appId, credentials.MicrosoftAppTenantId),
            Keys(options.OpenIdMetadataUrl),
            Keys(options.EntraOpenIdMetadataUrl),
            clock,
            provider.GetRequiredService<ILogger<BotAuthenticator>>());
    }

    /// <summary>Plain HTTP metadata is only accepted from this machine (tests, local token services).</summary>
    private static bool IsLoopback(string address) => Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
