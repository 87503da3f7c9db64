using FlywheelBot.Advisor;
using FlywheelBot.Channels;
using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FlywheelBot.Tests.Channels;

public sealed class DocumentConversationDirectoryTests
{
    private static readonly ConversationAddress Address = new(
        "msteams:a:1", "msteams", "https://smba.example/emea/", "a:1", ConversationScope.Personal, "28:bot", "FlywheelBot", "tenant-1", "Europe/Berlin");

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

        var moved = Address with { ServiceUrl = "https://smba.example/amer/", TimeZone = null };
        await directory.SaveAsync(moved, CancellationToken.None);

        Assert.Equal(moved with { TimeZone = "Europe/Berlin" }, await directory.FindAsync(Address.ConversationKey, CancellationToken.None));
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

    /// <summary>A directory over <paramref name="inner"/> with every store call recorded.</summary>
    private static (Mock<IDocumentStore> Store, DocumentConversationDirectory Directory) Directory(InMemoryDocumentStore inner)
    {
        var store = new Mock<IDocumentStore>();
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string c, string k, CancellationToken ct) => inner.GetAsync(c, k, ct));
        store.Setup(s => s.PutAsync(It.IsAny<DocumentWrite>(), It.IsAny<CancellationToken>()))
            .Returns((DocumentWrite w, CancellationToken ct) => inner.PutAsync(w, ct));
        return (store, new DocumentConversationDirectory(store.Object, NullLogger<DocumentConversationDirectory>.Instance));
    }
}
