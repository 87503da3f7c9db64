using System.Text.Json;
using FlywheelBot.Channels.BotFramework;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FlywheelBot.Tests.Conversations;

public sealed class DocumentConversationDirectoryTests
{
    private static readonly ConversationAddress Address = new(
        BotFrameworkRoute.Channel,
        "msteams:a:1",
        ConversationScope.Personal,
        "Europe/Berlin",
        new BotFrameworkRoute("msteams", "https://smba.example/emea/", "a:1", "28:bot", "FlywheelBot", "tenant-1"));

    /// <summary>What the bot stored for a conversation before addresses had a neutral part and a route.</summary>
    private const string StoredBeforeRoutes = """
        {"conversationKey":"msteams:a:1","channelId":"msteams","serviceUrl":"https://smba.example/emea/","conversationId":"a:1","scope":"Personal","botId":"28:bot","botName":"FlywheelBot","tenantId":"tenant-1","timeZone":"Europe/Berlin"}
        """;

    /// <summary>The route types registered in the app: Bot Framework's (Slack's is not switched on).</summary>
    private static readonly ConversationAddressJson Json = new([
        new ConversationRouteType(BotFrameworkRoute.Channel, BotFrameworkRoute.Discriminator, BotFrameworkJsonContext.Default.BotFrameworkRoute, ReadsStoredWithoutRoute: true),
    ]);

    [Fact]
    public async Task An_unchanged_address_is_read_once_and_written_once_however_many_turns_save_it()
    {
        var (store, directory) = Directory(new InMemoryDocumentStore());

        for (var i = 0; i < 10; i++)
        {
            await directory.SaveAsync(Address, CancellationToken.None);
        }

        store.Verify(s => s.GetAsync(DocumentConversationDirectory.Collection, Address.ConversationKey, It.IsAny<CancellationToken>()), Times.Once());
        store.Verify(s => s.PutAsync(It.IsAny<DocumentWrite>(), It.IsAny<CancellationToken>()), Times.Once());
        Assert.Equal(Address, await directory.FindAsync(Address.ConversationKey, CancellationToken.None));
    }

    [Fact]
    public async Task A_changed_address_is_saved_and_a_time_zone_once_seen_is_kept()
    {
        var (_, directory) = Directory(new InMemoryDocumentStore());
        await directory.SaveAsync(Address, CancellationToken.None);

        var moved = Address with { TimeZone = null, Route = Route(Address) with { ServiceUrl = "https://smba.example/amer/", BotName = null } };
        await directory.SaveAsync(moved, CancellationToken.None);

        Assert.Equal(
            moved with { TimeZone = "Europe/Berlin", Route = Route(moved) with { BotName = "FlywheelBot" } },
            await directory.FindAsync(Address.ConversationKey, CancellationToken.None));
    }

    [Fact]
    public async Task An_address_saved_before_a_restart_is_found_and_not_written_again()
    {
        var shared = new InMemoryDocumentStore();
        await Directory(shared).Directory.SaveAsync(Address, CancellationToken.None);

        var (store, restarted) = Directory(shared);
        await restarted.SaveAsync(Address, CancellationToken.None);
        await restarted.SaveAsync(Address, CancellationToken.None);

        store.Verify(s => s.GetAsync(DocumentConversationDirectory.Collection, Address.ConversationKey, It.IsAny<CancellationToken>()), Times.Once());
        store.Verify(s => s.PutAsync(It.IsAny<DocumentWrite>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task An_address_is_stored_as_neutral_fields_and_a_route_named_by_its_type()
    {
        var store = new InMemoryDocumentStore();
        await Directory(store).Directory.SaveAsync(Address, CancellationToken.None);

        using var stored = JsonDocument.Parse((await store.GetAsync(DocumentConversationDirectory.Collection, Address.ConversationKey, CancellationToken.None))!.Json);
        var root = stored.RootElement;
        Assert.Equal("botframework", root.GetProperty("channel").GetString());
        Assert.Equal("Personal", root.GetProperty("scope").GetString());
        Assert.Equal("botframework", root.GetProperty("route").GetProperty("$type").GetString());
        Assert.Equal("https://smba.example/emea/", root.GetProperty("route").GetProperty("serviceUrl").GetString());
        Assert.False(root.TryGetProperty("serviceUrl", out _));
    }

    [Fact]
    public async Task An_address_stored_before_routes_existed_still_loads_as_a_Bot_Framework_route()
    {
        var store = new InMemoryDocumentStore();
        await store.PutAsync(new DocumentWrite(DocumentConversationDirectory.Collection, "msteams:a:1", StoredBeforeRoutes, null), CancellationToken.None);
        var (recording, directory) = Directory(store);

        Assert.Equal(Address, await directory.FindAsync("msteams:a:1", CancellationToken.None));

        // Saved again unchanged (every turn does), it is not rewritten.
        await directory.SaveAsync(Address, CancellationToken.None);
        recording.Verify(s => s.PutAsync(It.IsAny<DocumentWrite>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task A_route_of_a_channel_not_switched_on_here_loads_as_unknown_and_a_broken_one_as_missing()
    {
        var store = new InMemoryDocumentStore();
        await store.PutAsync(
            new DocumentWrite(DocumentConversationDirectory.Collection, "slack:T1:C1", """{"channel":"slack","conversationKey":"slack:T1:C1","scope":"Channel","route":{"teamId":"T1","$type":"slack"}}""", null),
            CancellationToken.None);
        await store.PutAsync(new DocumentWrite(DocumentConversationDirectory.Collection, "broken", """{"conversationKey":"broken","route":7}""", null), CancellationToken.None);
        var directory = Directory(store).Directory;

        var slack = await directory.FindAsync("slack:T1:C1", CancellationToken.None);
        Assert.Equal(new ConversationAddress("slack", "slack:T1:C1", ConversationScope.Channel, null, new UnknownRoute("slack")), slack);
        Assert.Null(await directory.FindAsync("broken", CancellationToken.None));
    }

    private static BotFrameworkRoute Route(ConversationAddress address) => (BotFrameworkRoute)address.Route;

    /// <summary>A directory over <paramref name="inner"/> with every store call recorded.</summary>
    private static (Mock<IDocumentStore> Store, DocumentConversationDirectory Directory) Directory(InMemoryDocumentStore inner)
    {
        var store = new Mock<IDocumentStore>();
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string c, string k, CancellationToken ct) => inner.GetAsync(c, k, ct));
        store.Setup(s => s.PutAsync(It.IsAny<DocumentWrite>(), It.IsAny<CancellationToken>()))
            .Returns((DocumentWrite w, CancellationToken ct) => inner.PutAsync(w, ct));
        return (store, new DocumentConversationDirectory(store.Object, Json, NullLogger<DocumentConversationDirectory>.Instance));
    }
}
