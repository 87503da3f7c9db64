namespace FlywheelBot.Bench;

internal sealed record BenchOptions(IReadOnlyList<string> Providers, int Connections, int Conversations, int WarmUpConversations, string? PostgresConnectionString, string? OutputFile)
{
    public const string Usage =
        "usage: FlywheelBot.Bench [--providers sqlite,postgres] [--connections 16] [--conversations 1000] [--warmup 200] " +
        "[--postgres \"Host=...;Database=...\"] [--out results.md]\n" +
        "  --postgres defaults to $FLYWHEEL_TEST_POSTGRES; the postgres provider is skipped with a note when neither is set.";

    public static BenchOptions? Parse(string[] args)
    {
        var providers = new List<string> { "sqlite", "postgres" };
        int connections = 16, conversations = 1000, warmUp = 200;
        var postgres = Environment.GetEnvironmentVariable("FLYWHEEL_TEST_POSTGRES");
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--providers" when value is not null:
                    providers = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    i++;
                    break;
                case "--connections" when int.TryParse(value, out connections) && connections > 0:
                    i++;
                    break;
                case "--conversations" when int.TryParse(value, out conversations) && conversations > 0:
                    i++;
                    break;
                case "--warmup" when int.TryParse(value, out warmUp) && warmUp >= 0:
                    i++;
                    break;
                case "--postgres" when value is not null:
                    postgres = value;
                    i++;
                    break;
                case "--out" when value is not null:
                    output = value;
                    i++;
                    break;
                default:
                    return null;
            }
        }

        if (providers.Any(p => p is not ("sqlite" or "postgres")))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(postgres) && providers.Remove("postgres"))
        {
            Console.Error.WriteLine("note: no PostgreSQL connection string (--postgres or FLYWHEEL_TEST_POSTGRES); measuring SQLite only");
        }

        return new BenchOptions(providers, connections, conversations, warmUp, postgres, output);
    }
}
