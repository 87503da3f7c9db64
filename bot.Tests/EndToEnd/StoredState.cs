using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace FlywheelBot.Tests.EndToEnd;

/// <summary>The bits of the bot's SQLite state an end-to-end test checks, read straight from the database file.</summary>
internal sealed record StoredState(
    ImmutableArray<string> Installs,
    ImmutableArray<StoredProfile> Profiles,
    ImmutableDictionary<string, string> DialogModes)
{
    public static async Task<StoredState> ReadAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var installs = ImmutableArray.CreateBuilder<string>();
        var profiles = ImmutableArray.CreateBuilder<StoredProfile>();
        var modes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT collection, key, json FROM documents WHERE collection IN ('installs', 'profiles', 'dialogs') ORDER BY key";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = reader.GetString(1);
            using var json = JsonDocument.Parse(reader.GetString(2));
            var root = json.RootElement;
            switch (reader.GetString(0))
            {
                case "installs":
                    installs.Add(key);
                    break;
                case "profiles":
                    profiles.Add(new StoredProfile(
                        key,
                        root.GetProperty("audience").GetString()!,
                        root.GetProperty("awareness").GetString()!,
                        root.GetProperty("metrics").EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.GetDecimal())));
                    break;
                default:
                    modes[key] = root.GetProperty("mode").GetString() ?? string.Empty;
                    break;
            }
        }

        return new StoredState(installs.ToImmutable(), profiles.ToImmutable(), modes.ToImmutable());
    }
}
