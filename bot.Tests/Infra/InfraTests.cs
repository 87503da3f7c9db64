using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlywheelBot.Hosting;

namespace FlywheelBot.Tests.Infra;

/// <summary>
/// <c>infra/</c> compiles and lints clean with the real Bicep CLI (no Azure account), and the compiled ARM template is
/// wired as the bot needs: its app id is the managed identity, every app setting is one the bot reads, the health check
/// is the bot's readiness path, the database administrator is the identity, and no secret is written anywhere.
/// </summary>
public sealed partial class InfraTests(CompiledInfra infra) : IClassFixture<CompiledInfra>
{
    /// <summary>Settings read by libraries rather than options classes (the Azure Monitor exporter).</summary>
    private static readonly string[] PlatformSettings = [TelemetryServices.ConnectionStringSetting];

    public static TheoryData<string> BicepFiles => [.. Directory.GetFiles(CompiledInfra.Directory, "*.bicep", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(CompiledInfra.Directory, f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Main_compiles_without_errors_or_warnings()
    {
        Assert.True(infra.BuildExitCode == 0, infra.BuildOutput);
        Assert.True(string.IsNullOrWhiteSpace(infra.BuildOutput), infra.BuildOutput);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Every_file_builds_and_lints_with_no_result(string file)
    {
        var path = Path.Combine(CompiledInfra.Directory, file);

        var (buildExit, _, buildErrors) = await BicepCli.RunAsync("build", path, "--stdout");
        var (lintExit, sarif, lintErrors) = await BicepCli.RunAsync("lint", path, "--diagnostics-format", "sarif");

        Assert.True(buildExit == 0, buildErrors);
        Assert.True(lintExit == 0, lintErrors + sarif);
        var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
        Assert.True(results.Count == 0, results.ToJsonString());
    }

    [Fact]
    public void The_linter_wants_the_newest_api_versions()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledInfra.Directory, "bicepconfig.json")))!;
        var rule = config["analyzers"]!["core"]!["rules"]!["use-recent-api-versions"]!;

        Assert.Contains(rule["level"]!.GetValue<string>(), new[] { "warning", "error" });
        Assert.Equal(0, rule["maxAllowedAgeInDays"]!.GetValue<int>());
    }

    [Fact]
    public void The_bot_registration_is_the_managed_identity_with_Teams_and_the_apps_messages_endpoint()
    {
        var (identity, _) = infra.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var (siteName, _) = infra.Single("Microsoft.Web/sites");
        var bot = infra.Single("Microsoft.BotService/botServices").Resource["properties"]!;
        var teams = infra.Single("Microsoft.BotService/botServices/channels").Resource;

        Assert.Equal("UserAssignedMSI", bot["msaAppType"]!.GetValue<string>());
        Assert.Equal($"[reference('{identity}').clientId]", bot["msaAppId"]!.GetValue<string>());
        Assert.Contains("resourceId('Microsoft.ManagedIdentity/userAssignedIdentities'", bot["msaAppMSIResourceId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("[tenant().tenantId]", bot["msaAppTenantId"]!.GetValue<string>());
        Assert.Equal($"[format('https://{{0}}/api/messages', reference('{siteName}').defaultHostName)]", bot["endpoint"]!.GetValue<string>());
        Assert.Equal("MsTeamsChannel", teams["properties"]!["channelName"]!.GetValue<string>());
        Assert.True(teams["properties"]!["properties"]!["isEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public void The_web_app_runs_dotnet_10_on_https_only_with_always_on_and_the_bots_readiness_path()
    {
        var (identity, _) = infra.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var site = infra.Single("Microsoft.Web/sites").Resource;
        var config = site["properties"]!["siteConfig"]!;
        var plan = infra.Single("Microsoft.Web/serverfarms").Resource;

        Assert.Equal(HealthServices.ReadyPath, config["healthCheckPath"]!.GetValue<string>());
        Assert.Equal("DOTNETCORE|10.0", config["linuxFxVersion"]!.GetValue<string>());
        Assert.Equal("sh /home/site/wwwroot/startup.sh", config["appCommandLine"]!.GetValue<string>()); // published with the app (bot/startup.sh)
        Assert.Contains("<None Include=\"startup.sh\" CopyToPublishDirectory=", File.ReadAllText(Path.Combine(CompiledInfra.Directory, "..", "bot", "FlywheelBot.csproj")), StringComparison.Ordinal);
        Assert.True(config["alwaysOn"]!.GetValue<bool>());
        Assert.Equal("1.2", config["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("Disabled", config["ftpsState"]!.GetValue<string>());
        Assert.True(site["properties"]!["httpsOnly"]!.GetValue<bool>());
        Assert.False(site["properties"]!["clientAffinityEnabled"]!.GetValue<bool>()); // any instance may serve any request
        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", site["properties"]!["keyVaultReferenceIdentity"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(plan["properties"]!["reserved"]!.GetValue<bool>()); // Linux
        Assert.Contains("'azd-service-name', 'bot'", site["tags"]!.GetValue<string>(), StringComparison.Ordinal); // azd finds the app by it
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", site["identity"]!["userAssignedIdentities"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_app_setting_is_one_the_bot_reads_and_the_identity_settings_name_the_identity()
    {
        var (identity, _) = infra.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var settings = AppSettings();

        var unknown = settings.Select(s => s.Key)
            .Where(name => !PlatformSettings.Contains(name) && !BotSettingNames.All.Contains(BotSettingNames.FromAppSetting(name)))
            .ToList();

        Assert.True(unknown.Count == 0, $"app settings the bot does not read: {string.Join(", ", unknown)}");
        Assert.Equal("UserAssignedMSI", settings["MicrosoftAppType"]!.GetValue<string>());
        Assert.Equal($"[reference('{identity}').clientId]", settings["MicrosoftAppId"]!.GetValue<string>());
        Assert.Equal($"[reference('{identity}').clientId]", settings["Storage__ManagedIdentityClientId"]!.GetValue<string>());
        Assert.Equal("Postgres", settings["Storage__Provider"]!.GetValue<string>());
        Assert.DoesNotMatch(PasswordPattern(), settings["Storage__ConnectionString"]!.GetValue<string>());
        Assert.Contains("reference('insights').ConnectionString", settings[TelemetryServices.ConnectionStringSetting]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_database_accepts_only_Entra_sign_ins_and_its_administrator_is_the_identity()
    {
        var (identity, _) = infra.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var module = infra.Single("Microsoft.Resources/deployments").Resource["properties"]!;
        var template = module["template"]!.AsObject();
        var server = CompiledInfra.Single(template, "Microsoft.DBforPostgreSQL/flexibleServers").Resource["properties"]!;
        var admin = CompiledInfra.Single(template, "Microsoft.DBforPostgreSQL/flexibleServers/administrators").Resource;

        Assert.Equal("Enabled", server["authConfig"]!["activeDirectoryAuth"]!.GetValue<string>());
        Assert.Equal("Disabled", server["authConfig"]!["passwordAuth"]!.GetValue<string>());
        Assert.Null(server["administratorLoginPassword"]);
        Assert.Equal("[format('{0}/{1}', parameters('serverName'), parameters('administratorObjectId'))]", admin["name"]!.GetValue<string>());
        Assert.Equal("[parameters('administratorName')]", admin["properties"]!["principalName"]!.GetValue<string>());
        Assert.Equal("ServicePrincipal", admin["properties"]!["principalType"]!.GetValue<string>());
        Assert.Equal($"[reference('{identity}').principalId]", module["parameters"]!["administratorObjectId"]!["value"]!.GetValue<string>());
        Assert.Contains("format('id-{0}'", module["parameters"]!["administratorName"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Username={2}", AppSettings()["Storage__ConnectionString"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Slack_secrets_come_from_the_RBAC_key_vault_through_the_identity()
    {
        var vault = infra.Single("Microsoft.KeyVault/vaults").Resource["properties"]!;
        var settings = AppSettings();
        var slack = settings.Where(s => s.Key.StartsWith("Slack__", StringComparison.Ordinal)).ToList();
        var referenceFunction = CompiledInfra.Strings(infra.Template["functions"]);

        Assert.True(vault["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.NotEmpty(slack);
        Assert.All(slack, s => Assert.Contains("secretReference(reference('vault').vaultUri", s.Value!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(referenceFunction, s => s.Contains("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal));
        var roles = CompiledInfra.Resources(infra.Template).Where(r => r.Resource["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments").ToList();
        Assert.Contains(roles, r => r.Resource["properties"]!["roleDefinitionId"]!.ToJsonString().Contains("keyVaultSecretsUser", StringComparison.Ordinal)
            && r.Resource["properties"]!["principalId"]!.GetValue<string>().Contains(".principalId", StringComparison.Ordinal));
    }

    [Fact]
    public void The_key_ring_key_is_a_vault_secret_azd_reads_back_on_every_run_and_the_bot_reads_it_by_reference()
    {
        var (_, secret) = infra.Single("Microsoft.KeyVault/vaults/secrets");
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledInfra.Directory, "main.parameters.json")))!["parameters"]!;
        var outputs = infra.Template["outputs"]!.AsObject();

        var keyRingKey = infra.Template["parameters"]!["keyRingKey"]!;
        Assert.Equal("securestring", keyRingKey["type"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal(FlywheelBot.Storage.KeyRingOptions.MinimumLength, keyRingKey["minLength"]!.GetValue<int>());
        Assert.Null(keyRingKey["allowedValues"]);
        Assert.Equal(["none", "single-workspace", "distribution"], infra.Template["parameters"]!["slack"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("[parameters('keyRingKey')]", secret["properties"]!["value"]!.GetValue<string>());
        Assert.Contains("'dataprotection-key-ring-key'", secret["name"]!.GetValue<string>(), StringComparison.Ordinal);

        // azd: the vault's copy when it exists (the vault name is an output of the previous run), a random one the first time.
        Assert.Equal("$(secretOrRandomPassword ${AZURE_KEY_VAULT_NAME} dataprotection-key-ring-key)", parameters["keyRingKey"]!["value"]!.GetValue<string>());
        Assert.True(outputs.ContainsKey("AZURE_KEY_VAULT_NAME"));

        var setting = AppSettings()["DataProtection__KeyRingKey"]!.GetValue<string>();
        Assert.Contains("secretReference(reference('vault').vaultUri", setting, StringComparison.Ordinal);
        Assert.Contains("dataprotection-key-ring-key", setting, StringComparison.Ordinal);
    }

    [Fact]
    public void No_secret_literal_is_anywhere_in_the_templates_or_their_parameters()
    {
        var texts = Directory.GetFiles(CompiledInfra.Directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => (File: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .Append(("compiled main.json", infra.Template.ToJsonString()))
            .Append(("azure.yaml", File.ReadAllText(Path.Combine(CompiledInfra.Directory, "..", "azure.yaml"))));

        foreach (var (file, text) in texts)
        {
            Assert.False(SecretPattern().IsMatch(text), $"{file}: {SecretPattern().Match(text).Value}");
        }

        foreach (var parameter in infra.Template["parameters"]!.AsObject())
        {
            var type = parameter.Value!["type"]!.GetValue<string>();
            Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase) && parameter.Value["defaultValue"] is not null, parameter.Key);
        }

        foreach (var (name, value) in AppSettings())
        {
            var text = value!.GetValue<string>();
            Assert.True(text.StartsWith('[') || text is "UserAssignedMSI" or "Postgres", $"{name} holds a literal: {text}");
        }

        foreach (var output in infra.Template["outputs"]!.AsObject())
        {
            Assert.DoesNotMatch(@"(?i)secret|password|connectionstring", output.Key);
        }
    }

    private JsonObject AppSettings() =>
        CompiledInfra.Resources(infra.Template)
            .Single(r => r.Resource["type"]!.GetValue<string>() == "Microsoft.Web/sites/config"
                && r.Resource["name"]!.GetValue<string>().Contains("appsettings", StringComparison.Ordinal))
            .Resource["properties"]!.AsObject();

    [GeneratedRegex(@"(?i)password\s*=\s*[^;'\s\]]")]
    private static partial Regex PasswordPattern();

    // Literal credentials: a password in a connection string, Slack tokens, private keys, storage/instrumentation keys.
    [GeneratedRegex(@"(?i)(password\s*=\s*[^;'\s\]{]|\bxox[abpr]-[0-9a-z]|\bxapp-[0-9]|-----BEGIN [A-Z ]*PRIVATE KEY|AccountKey=[^;'\s]|InstrumentationKey=[0-9a-f]{8}-)")]
    private static partial Regex SecretPattern();
}
