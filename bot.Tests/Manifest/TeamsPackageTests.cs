using System.IO.Compression;
using System.Text.Json.Nodes;
using FlywheelBot.Channels.BotFramework.TeamsPackage;
using FlywheelBot.Tests.Views;
using SkiaSharp;

namespace FlywheelBot.Tests.Manifest;

/// <summary>
/// <c>teams-package</c>: a zip Teams accepts for the deployed bot: manifest.json (bot id filled in, a stable app id,
/// the newest schema the official validator bundles) and the two icons at the root, within Teams' icon rules.
/// </summary>
public sealed class TeamsPackageTests : IDisposable
{
    private static readonly Guid BotId = new("6f1c9a52-3d0e-4b8a-9c61-2f7d4e8b1a09");

    private readonly string _directory = Directory.CreateTempSubdirectory("flywheel-teams-package-").FullName;

    [Fact]
    public void The_zip_holds_the_manifest_and_both_icons_at_its_root_with_the_bot_id_filled_in()
    {
        var (exitCode, output, _) = Package(BotId, "app.zip");
        using var zip = ZipFile.OpenRead(Path.Combine(_directory, "app.zip"));
        var manifest = ReadManifest(zip);

        Assert.Equal(0, exitCode);
        Assert.Contains("app.zip", output, StringComparison.Ordinal);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(BotId.ToString(), manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.NotEqual(BotId.ToString(), manifest["id"]!.GetValue<string>());
        Assert.Equal(TeamsAppId.For(BotId).ToString(), manifest["id"]!.GetValue<string>());
    }

    [Fact]
    public void The_app_id_is_stable_for_a_bot_and_differs_between_bots()
    {
        var other = Guid.NewGuid();

        Assert.Equal(TeamsAppId.For(BotId), TeamsAppId.For(new Guid(BotId.ToString().ToUpperInvariant())));
        Assert.NotEqual(TeamsAppId.For(BotId), TeamsAppId.For(other));
        Assert.Equal(5, TeamsAppId.For(other).Version); // name-based, SHA-1 (RFC 9562)
        Assert.Equal("551bb953-2ef8-5682-8f8a-12b5671d83a1", TeamsAppId.For(Guid.Empty).ToString()); // the RFC value (Python uuid5 gives the same); it never changes between releases
        Package(BotId, "a.zip");
        Package(BotId, "b.zip");
        Assert.Equal(File.ReadAllBytes(Path.Combine(_directory, "a.zip")), File.ReadAllBytes(Path.Combine(_directory, "b.zip")));
    }

    [NodePeersFact]
    public async Task The_packaged_manifest_validates_against_the_newest_schema_the_validator_bundles()
    {
        Package(BotId, "app.zip");
        using var zip = ZipFile.OpenRead(Path.Combine(_directory, "app.zip"));
        var extracted = Path.Combine(_directory, "manifest.json");
        zip.GetEntry("manifest.json")!.ExtractToFile(extracted);
        var schemas = Path.Combine(NodePeers.Directory!, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");
        var newest = Directory.GetDirectories(schemas).Select(Path.GetFileName)
            .Where(name => name!.StartsWith('v') && Version.TryParse(name[1..], out _))
            .MaxBy(name => Version.Parse(name![1..]));

        var (exitCode, output) = await NodePeers.RunAsync("validate-manifest.mjs", extracted);

        Assert.True(exitCode == 0, output);
        Assert.Equal("ok", output.Trim());
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/{newest}/MicrosoftTeams.schema.json", ReadManifest(zip)["$schema"]!.GetValue<string>());
        Assert.Equal(newest![1..], ReadManifest(zip)["manifestVersion"]!.GetValue<string>());
    }

    [Fact]
    public void The_icons_follow_Teams_rules_color_192_and_outline_32_white_on_transparent()
    {
        Package(BotId, "app.zip");
        using var zip = ZipFile.OpenRead(Path.Combine(_directory, "app.zip"));
        using var color = Decode(zip, "color.png");
        using var outline = Decode(zip, "outline.png");
        var pixels = Enumerable.Range(0, 32).SelectMany(y => Enumerable.Range(0, 32).Select(x => outline.GetPixel(x, y))).ToList();

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Contains(pixels, p => p.Alpha == 0);
        Assert.Contains(pixels, p => p.Alpha == 255);
        Assert.All(pixels.Where(p => p.Alpha > 0), p => Assert.Equal((255, 255, 255), (p.Red, p.Green, p.Blue)));
    }

    [Theory]
    [InlineData(new[] { "--out", "x.zip" }, "--bot-id")]
    [InlineData(new[] { "--bot-id", "not-a-guid", "--out", "x.zip" }, "not-a-guid")]
    [InlineData(new[] { "--bot-id", "00000000-0000-0000-0000-000000000000", "--out", "x.zip" }, "--bot-id")]
    [InlineData(new[] { "--bot-id", "6f1c9a52-3d0e-4b8a-9c61-2f7d4e8b1a09" }, "--out")]
    [InlineData(new[] { "--bot-id", "6f1c9a52-3d0e-4b8a-9c61-2f7d4e8b1a09", "--out", "x.json" }, ".zip")]
    [InlineData(new[] { "--bot", "6f1c9a52-3d0e-4b8a-9c61-2f7d4e8b1a09" }, "--bot")]
    public void Bad_arguments_exit_2_with_one_line_naming_the_problem(string[] args, string named)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = TeamsPackageCommand.Run(args, output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists("x.zip"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (int ExitCode, string Output, string Error) Package(Guid botId, string file)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = TeamsPackageCommand.Run(["--bot-id", botId.ToString(), "--out", Path.Combine(_directory, file)], output, error);
        Assert.True(exitCode == 0, error.ToString());
        return (exitCode, output.ToString(), error.ToString());
    }

    private static JsonObject ReadManifest(ZipArchive zip)
    {
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static SKBitmap Decode(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return SKBitmap.Decode(copy.ToArray()) ?? throw new InvalidOperationException($"{name} is not a PNG");
    }
}
