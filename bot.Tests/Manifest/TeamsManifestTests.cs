using System.Buffers.Binary;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.Views;

namespace FlywheelBot.Tests.Manifest;

/// <summary><c>manifest/</c> is a Teams app package Teams accepts: schema-valid, icons of the required sizes.</summary>
public sealed class TeamsManifestTests
{
    private static readonly string ManifestDirectory = FindManifestDirectory();

    [NodePeersFact]
    public async Task The_manifest_validates_against_the_official_schema_bundled_with_app_manifest()
    {
        var (exitCode, output) = await NodePeers.RunAsync("validate-manifest.mjs", Path.Combine(ManifestDirectory, "manifest.json"));

        Assert.True(exitCode == 0, output);
        Assert.Equal("ok", output.Trim());
    }

    [NodePeersFact]
    public async Task The_validator_rejects_a_manifest_that_breaks_the_schema()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ManifestDirectory, "manifest.json")))!.AsObject();
        manifest.Remove("name");
        manifest["bots"]![0]!["scopes"] = new JsonArray("everyone");
        var broken = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(broken, manifest.ToJsonString());
        try
        {
            var (exitCode, output) = await NodePeers.RunAsync("validate-manifest.mjs", broken);

            Assert.Equal(1, exitCode);
            Assert.Contains("'name'", output, StringComparison.Ordinal);
            Assert.Contains("/bots/0/scopes/0", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void The_bot_entry_is_the_app_itself_in_every_scope_with_short_commands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDirectory, "manifest.json")))!;
        var bot = manifest["bots"]!.AsArray().Single()!;

        Assert.Equal(manifest["id"]!.GetValue<string>(), bot["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var lists = bot["commandLists"]!.AsArray();
        Assert.InRange(lists.Count, 1, 3);
        foreach (var command in lists.SelectMany(l => l!["commands"]!.AsArray()))
        {
            Assert.InRange(command!["title"]!.GetValue<string>().Length, 1, 32);
            Assert.InRange(command["description"]!.GetValue<string>().Length, 1, 128);
        }
    }

    [Theory]
    [InlineData("color.png", 192, false)]
    [InlineData("outline.png", 32, true)]
    public void Icons_have_the_sizes_Teams_requires(string file, int size, bool transparent)
    {
        var bytes = File.ReadAllBytes(Path.Combine(ManifestDirectory, file));

        Assert.Equal("\x89PNG\r\n\x1a\n", string.Concat(bytes.Take(8).Select(b => (char)b)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        var colourType = bytes[25];
        Assert.True(!transparent || colourType == 6, $"{file} must carry an alpha channel (RGBA)");
    }

    private static string FindManifestDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "manifest", "manifest.json");
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate)!;
            }
        }

        throw new InvalidOperationException("manifest/manifest.json not found above the test assembly");
    }
}
