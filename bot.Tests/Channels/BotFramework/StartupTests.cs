using FlywheelBot.Channels.BotFramework;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class StartupTests
{
    [Fact]
    public void Outside_Development_the_bot_refuses_to_start_without_MicrosoftAppId()
    {
        using var host = new BotFrameworkHost("Production", new Dictionary<string, string?>());

        var error = Assert.ThrowsAny<Exception>(() => host.Server);

        Assert.Contains("MicrosoftAppId", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_without_MicrosoftAppId_the_bot_starts_with_authentication_off()
    {
        await using var host = new BotFrameworkHost("Development", new Dictionary<string, string?>());

        using var response = await host.PostAsync(BotFrameworkHost.Message("dev-" + Guid.NewGuid().ToString("N"), "hi", "http://127.0.0.1:9/"));

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public void A_bad_channel_setting_stops_start_up_naming_it()
    {
        using var host = new BotFrameworkHost("Development", new Dictionary<string, string?> { ["BotFramework:MaxBodyBytes"] = "12" });

        var error = Assert.ThrowsAny<Exception>(() => host.Server);

        Assert.Contains("MaxBodyBytes", Flatten(error), StringComparison.Ordinal);
    }

    public static TheoryData<string?, string?, string?, string?, bool, string?> Credentials => new()
    {
        { null, null, null, null, true, null },
        { null, null, null, null, false, "MicrosoftAppId" },
        { "SingleTenant", "app", "secret", "tenant", false, null },
        { "MultiTenant", "app", "secret", null, false, null },
        { null, "app", "secret", null, false, null },
        { "singletenant", "app", "secret", "tenant", false, null },
        { "SingleTenant", "app", null, "tenant", false, "MicrosoftAppPassword" },
        { "MultiTenant", "app", "", null, true, "MicrosoftAppPassword" },
        { "SingleTenant", "app", "secret", null, false, "MicrosoftAppTenantId" },
        { "UserAssignedMSI", "app", null, "tenant", false, "UserAssignedMSI" },
        { "UserAssignedMSI", "6f1c9a52-3d0e-4b8a-9c61-2f7d4e8b1a09", null, "tenant", false, null },
        { "userassignedmsi", "6f1c9a52-3d0e-4b8a-9c61-2f7d4e8b1a09", "", "tenant", false, null },
        { "UserAssignedMSI", "6f1c9a52-3d0e-4b8a-9c61-2f7d4e8b1a09", null, null, false, "MicrosoftAppTenantId" },
        { "Whatever", "app", "secret", "tenant", false, "MicrosoftAppType" },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public void Credentials_are_validated_with_a_message_naming_the_setting(
        string? type, string? appId, string? password, string? tenant, bool development, string? failureNaming)
    {
        var result = new BotCredentialsValidator(development).Validate(null, new BotCredentials
        {
            MicrosoftAppType = type,
            MicrosoftAppId = appId,
            MicrosoftAppPassword = password,
            MicrosoftAppTenantId = tenant,
        });

        if (failureNaming is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.True(result.Failed);
            Assert.Contains(failureNaming, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("SingleTenant", "tenant", "tenant")]
    [InlineData(null, "tenant", "tenant")]
    [InlineData("MultiTenant", "tenant", "botframework.com")]
    [InlineData(null, null, "botframework.com")]
    public void Outbound_tokens_come_from_the_bots_tenant_unless_it_is_multi_tenant(string? type, string? tenant, string expected) =>
        Assert.Equal(expected, new BotCredentials { MicrosoftAppType = type, MicrosoftAppId = "app", MicrosoftAppTenantId = tenant }.TokenTenant);

    private static string Flatten(Exception error) => error switch
    {
        OptionsValidationException options => string.Join(" ", options.Failures),
        AggregateException aggregate => string.Join(" ", aggregate.InnerExceptions.Select(Flatten)),
        _ => error.Message + (error.InnerException is null ? string.Empty : " " + Flatten(error.InnerException)),
    };
}
