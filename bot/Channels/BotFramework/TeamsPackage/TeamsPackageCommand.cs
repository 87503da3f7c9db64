using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlywheelBot.Channels.BotFramework.TeamsPackage;

/// <summary>
/// <c>teams-package --bot-id &lt;guid&gt; --out &lt;file&gt;.zip</c>: the Teams app package for a deployed bot, ready to
/// upload (Teams: Apps, Manage your apps, Upload an app). manifest.json (the template of <c>manifest/</c> with the bot id
/// and a stable app id filled in), color.png and outline.png at the root of the zip.
/// </summary>
internal static class TeamsPackageCommand
{
    public const string Usage = "usage: teams-package --bot-id <guid: the bot's Microsoft App ID, e.g. the BOT_APP_ID output of infra/> --out <file>.zip";

    /// <summary>Zip entries get this time, so the same bot id gives the same bytes.</summary>
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <returns>0 written; 2 bad arguments (one line says which); 1 the file could not be written.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? botId = null;
        string? path = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--bot-id" when i + 1 < args.Length:
                    botId = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    path = args[++i];
                    break;
                case "--help" or "-h":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    error.WriteLine($"teams-package: unexpected argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }

        if (!Guid.TryParse(botId, out var bot) || bot == Guid.Empty)
        {
            error.WriteLine($"teams-package: --bot-id must be the bot's Microsoft App ID, a GUID (got '{botId ?? "nothing"}'). {Usage}");
            return 2;
        }

        if (string.IsNullOrWhiteSpace(path) || !path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"teams-package: --out must name a .zip file (got '{path ?? "nothing"}'). {Usage}");
            return 2;
        }

        try
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (var file = File.Create(full))
            {
                Write(bot, file);
            }

            output.WriteLine($"Wrote {full}: Teams app {TeamsAppId.For(bot)} for bot {bot}. Upload it in Teams: Apps > Manage your apps > Upload an app.");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"teams-package: cannot write {path}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Writes the package for <paramref name="botId"/> to <paramref name="destination"/>.</summary>
    public static void Write(Guid botId, Stream destination)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, "manifest.json", Manifest(botId));
        Add(zip, "color.png", Resource("color.png"));
        Add(zip, "outline.png", Resource("outline.png"));
    }

    /// <summary>The template's manifest with <c>id</c> and every bot's <c>botId</c> filled in.</summary>
    public static byte[] Manifest(Guid botId)
    {
        var manifest = JsonNode.Parse(Resource("manifest.json"))!.AsObject();
        manifest["id"] = TeamsAppId.For(botId).ToString("D");
        foreach (var bot in manifest["bots"]!.AsArray())
        {
            bot!["botId"] = botId.ToString("D");
        }

        return JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson.Indented);
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(TeamsPackageCommand).Assembly.GetManifestResourceStream($"FlywheelBot.TeamsPackage.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded in the bot (manifest/ at build time)");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
