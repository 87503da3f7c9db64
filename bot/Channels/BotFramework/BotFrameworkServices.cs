using Azure.Core;
using Azure.Identity;
using FlywheelBot.Channels.BotFramework.Auth;
using FlywheelBot.Channels.BotFramework.Connector;
using FlywheelBot.Channels.BotFramework.Inbound;
using FlywheelBot.Channels.BotFramework.Outbound;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;

namespace FlywheelBot.Channels.BotFramework;

internal static class BotFrameworkServices
{
    private const string MetadataClient = "BotFramework.Metadata";

    /// <summary>
    /// Registers the Bot Framework channel (bot/Channels/BotFramework/): credentials and options, token validation, the
    /// connector, the processor behind <c>/api/messages</c>, its route type (addresses stored flat before routes existed
    /// are read as Bot Framework routes) and its proactive messenger, keyed <see cref="BotFrameworkRoute.Channel"/>.
    /// Needs the shared plumbing (<c>AddConversations</c>).
    /// </summary>
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddConversations();

        // ConfigurationManager refreshes in the background by default, so the retry after an unknown key id would still see
        // the old keys; the blocking mode makes "refresh, then look once more" mean what it says.
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);

        services.AddOptions<BotCredentials>().Configure<IConfiguration>((credentials, configuration) => configuration.Bind(credentials)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentials>>(new BotCredentialsValidator(environment.IsDevelopment()));
        services.AddOptions<BotFrameworkOptions>().BindConfiguration(BotFrameworkOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient(MetadataClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(BotTokenProvider.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
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
        services.AddTransient<ConnectorRetryHandler>();
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<ConnectorRetryHandler>();

        services.AddSingleton<ActivityFactory>();
        services.AddTransient<ActivityProcessor>();
        services.AddTransient<MessagesEndpoint>();

        services.AddSingleton(new ConversationRouteType(
            BotFrameworkRoute.Channel, BotFrameworkRoute.Discriminator, BotFrameworkJsonContext.Default.BotFrameworkRoute, ReadsStoredWithoutRoute: true));
        services.AddKeyedTransient<IProactiveMessenger, BotFrameworkMessenger>(BotFrameworkRoute.Channel);
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c> and the <c>HEAD</c> reachability probe.</summary>
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/api/messages", [HttpMethods.Head], () => Results.Ok());
        endpoints.MapPost("/api/messages", (HttpContext context, MessagesEndpoint messages) => messages.HandleAsync(context));
        return endpoints;
    }

    private static BotAuthenticator CreateAuthenticator(IServiceProvider provider)
    {
        var credentials = provider.GetRequiredService<IOptions<BotCredentials>>().Value;
        var options = provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        var http = provider.GetRequiredService<IHttpClientFactory>();
        SigningKeySource Keys(string address) => new(new ConfigurationManager<SigningMetadata>(
            address,
            new SigningMetadataRetriever(),
            new HttpDocumentRetriever(http.CreateClient(MetadataClient)) { RequireHttps = !IsLoopback(address) })
        {
            RefreshInterval = options.MetadataRefreshInterval,
        });

        return new BotAuthenticator(
            credentials.MicrosoftAppId ?? string.Empty,
            TokenIssuers.For(credentials.MicrosoftAppTenantId),
            Keys(options.OpenIdMetadataUrl),
            Keys(options.EntraOpenIdMetadataUrl),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BotAuthenticator>>());
    }

    /// <summary>Plain HTTP metadata is only accepted from this machine (tests, local token services).</summary>
    private static bool IsLoopback(string address) => Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
