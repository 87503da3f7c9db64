using System.Diagnostics;
using System.Globalization;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Channels.BotFramework.Cards;
using FlywheelBot.Conversations;
using FlywheelBot.Hosting;
using FlywheelBot.Storage;
using FlywheelBot.Views;

namespace FlywheelBot.Bench;

/// <summary>
/// <c>profile</c> mode: times the pieces of one interview turn in-process, one at a time (no HTTP), so a slow turn
/// can be attributed: the whole turn handler, the pure advisor, card and text rendering, and a storage read and write.
/// Prints microseconds per operation.
/// </summary>
internal static class HotPathProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"flywheel-profile-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var app = BotHost.Build([.. args, "--environment=Development", "--Logging:LogLevel:Default=Warning", $"--Storage:ConnectionString=Data Source={Path.Combine(directory, "profile.db")}"]);
            await app.StartAsync();
            var services = app.Services;
            var handler = services.GetRequiredService<ITurnHandler>();
            var advisor = services.GetRequiredService<FlywheelBot.Advisor.Conversation.Advisor>();
            var cards = services.GetRequiredService<ICardRenderer>();
            var text = services.GetRequiredService<ITextRenderer>();
            var store = services.GetRequiredService<IDocumentStore>();
            const int conversations = 300;

            var views = new List<ViewModel>();
            var collected = false;
            await Time("turn handler (store + advisor, no rendering)", conversations * InterviewScript.Turns.Length, async () =>
            {
                for (var c = 0; c < conversations; c++)
                {
                    foreach (var said in InterviewScript.Turns)
                    {
                        var output = await handler.HandleAsync(InboundTurn.Message($"profile:{c}", said), CancellationToken.None);
                        // The replies of one interview (Time runs the work twice: warm-up, then measured; keep the first).
                        if (c == 0 && !collected)
                        {
                            views.AddRange(output.Replies);
                        }
                    }
                }

                collected = true;
            });

            var now = DateTimeOffset.UtcNow;
            await Time("advisor NextTurn (pure)", conversations * InterviewScript.Turns.Length, () =>
            {
                for (var c = 0; c < conversations; c++)
                {
                    var state = ConversationState.Empty;
                    foreach (var said in InterviewScript.Turns)
                    {
                        var input = AdvisorInput.From(InboundTurn.Message("p", said), null);
                        state = advisor.NextTurn(state, input, now).State;
                    }
                }

                return Task.CompletedTask;
            });

            await Time("card render to UTF-8 (per reply view)", conversations * views.Count, () =>
            {
                for (var c = 0; c < conversations; c++)
                {
                    foreach (var view in views)
                    {
                        _ = cards.RenderUtf8(view, "fallback");
                    }
                }

                return Task.CompletedTask;
            });

            await Time("text render (per reply view)", conversations * views.Count, () =>
            {
                for (var c = 0; c < conversations; c++)
                {
                    foreach (var view in views)
                    {
                        _ = text.Render(view);
                    }
                }

                return Task.CompletedTask;
            });

            var midInterview = (await store.GetAsync("dialogs", "profile:0", CancellationToken.None))?.Json
                ?? System.Text.Json.JsonSerializer.Serialize(ConversationState.Empty, AdvisorJsonContext.Default.ConversationState);
            await Time("dialog state JSON read + write", 5000, () =>
            {
                for (var i = 0; i < 5000; i++)
                {
                    var state = System.Text.Json.JsonSerializer.Deserialize(midInterview, AdvisorJsonContext.Default.ConversationState)!;
                    _ = System.Text.Json.JsonSerializer.Serialize(state, AdvisorJsonContext.Default.ConversationState);
                }

                return Task.CompletedTask;
            });
            var versioned = services.GetRequiredService<IVersionedStore>();
            await Time("versioned update of the dialog (lock, get, put)", 3000, async () =>
            {
                for (var i = 0; i < 3000; i++)
                {
                    await versioned.UpdateAsync("dialogs", $"profile-v:{i % 50}", AdvisorJsonContext.Default.ConversationState, v => v.Value ?? ConversationState.Empty, null, CancellationToken.None);
                }
            });

            var dedup = services.GetRequiredService<FlywheelBot.Conversations.Plumbing.TurnDeduplicator>();
            var directory2 = services.GetRequiredService<FlywheelBot.Conversations.IConversationDirectory>();
            var factory = services.GetRequiredService<FlywheelBot.Channels.BotFramework.Outbound.ActivityFactory>();
            var inbound = System.Text.Json.JsonSerializer.Deserialize(
                TurnDriver.ActivityJson("a1", "profile-conv", "start"), FlywheelBot.Channels.BotFramework.Wire.BotFrameworkJsonContext.Default.Activity)!;
            await Time("dedup claim (insert-if-absent)", 3000, async () =>
            {
                for (var i = 0; i < 3000; i++)
                {
                    await dedup.TryClaimAsync(inbound.ChannelId!, $"{inbound.Conversation?.Id}:{Guid.NewGuid():N}", CancellationToken.None);
                }
            });
            await Time("conversation directory save (unchanged)", 3000, async () =>
            {
                for (var i = 0; i < 3000; i++)
                {
                    await directory2.SaveAsync(FlywheelBot.Channels.BotFramework.Inbound.ActivityMapper.ToAddress(inbound, "bot"), CancellationToken.None);
                }
            });
            await Time("reply activities + JSON body (per reply view)", conversations * views.Count, () =>
            {
                for (var c = 0; c < conversations; c++)
                {
                    foreach (var view in views)
                    {
                        var body = new FlywheelBot.Channels.BotFramework.Wire.ExpectedReplies([factory.Reply(inbound, view)]);
                        _ = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, FlywheelBot.Channels.BotFramework.Wire.BotFrameworkJsonContext.Default.ExpectedReplies);
                    }
                }

                return Task.CompletedTask;
            });

            await Time("store put (upsert) + get", 5000, async () =>
            {
                for (var i = 0; i < 5000; i++)
                {
                    await store.PutAsync(new DocumentWrite("profile-bench", $"k{i % 100}", """{"a":1}""", null), CancellationToken.None);
                    await store.GetAsync("profile-bench", $"k{i % 100}", CancellationToken.None);
                }
            });

            await app.StopAsync();
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task Time(string what, int operations, Func<Task> work)
    {
        await work(); // warm-up (JIT, caches)
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await work();
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{what,-48} {clock.Elapsed.TotalMicroseconds / operations,10:F1} us/op {allocated / 1024.0 / operations,8:F1} KB/op  ({operations} ops)"));
    }
}
