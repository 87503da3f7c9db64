namespace FlywheelBot.Bench;

internal sealed record BenchOptions(
    IReadOnlyList<string> Targets,
    int Connections,
    int Conversations,
    int WarmUpConversations,
    string? PostgresConnectionString,
    string? OutputFile,
    int ColdStarts,
    string? PublishedApp)
{
    public const string Usage =
        "usage: FlywheelBot.Bench [--targets botbuilder,sqlite,postgres,postgres-store,sqlite-published,postgres-published] [--connections 16] [--conversations 1000] [--warmup 200] " +
        "[--postgres \"Host=...;Database=...\"] [--cold-starts 5] [--published DIR] [--out results.md]\n" +
        "  --targets none measures the cold start only; the -published targets run the app as published for hosting (Native AOT);\n" +
        "  postgres-store is the floor: a turn's commit alone, sent through the bot's store by the bench (no bot server).\n" +
        "  --postgres defaults to $FLYWHEEL_TEST_POSTGRES; postgres is skipped with a note when neither is set.\n" +
        "  botbuilder (the reference bot) needs node and the npm peers (cd peers && npm ci); skipped with a note otherwise.\n" +
        "  --cold-starts 0 skips the cold-start measurement; --published uses an already published app instead of publishing one\n" +
        "  (for the cold start and the -published targets).";

    public static BenchOptions? Parse(string[] args)
    {
        var targets = new List<string>(Bench.Targets.All);
        int connections = 16, conversations = 1000, warmUp = 200, coldStarts = 5;
        var postgres = Environment.GetEnvironmentVariable("FLYWHEEL_TEST_POSTGRES");
        string? output = null, published = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--targets" or "--providers" when value is not null:
                    targets = value == "none" ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    i++;
                    break;
                case "--connections" when int.TryParse(value, out connections) && connections > 0:
                case "--conversations" when int.TryParse(value, out conversations) && conversations > 0:
                case "--warmup" when int.TryParse(value, out warmUp) && warmUp >= 0:
                case "--cold-starts" when int.TryParse(value, out coldStarts) && coldStarts >= 0:
                    i++;
                    break;
                case "--postgres" when value is not null:
                    postgres = value;
                    i++;
                    break;
                case "--published" when value is not null:
                    published = value;
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

        if (targets.Any(t => !Bench.Targets.All.Contains(t)))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(postgres) && targets.RemoveAll(Bench.Targets.UsesPostgres) > 0)
        {
            Console.Error.WriteLine("note: no PostgreSQL connection string (--postgres or FLYWHEEL_TEST_POSTGRES); not measuring PostgreSQL");
        }

        // Measured in a fixed order (the reference first), whatever order they were given in.
        targets = [.. Bench.Targets.All.Where(targets.Contains)];
        return new BenchOptions(targets, connections, conversations, warmUp, postgres, output, coldStarts, published);
    }
}
