using System.Xml.Linq;
using FlywheelBot.Storage;
using FlywheelBot.Tests.Channels.Slack.Installations;
using FlywheelBot.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlywheelBot.Tests.Storage;

public sealed class DocumentXmlRepositoryTests
{
    private static readonly Uri NoApi = new("http://127.0.0.1:9/api/");

    [Fact]
    public void Elements_round_trip_and_are_never_overwritten()
    {
        var repository = new DocumentXmlRepository(new InMemoryDocumentStore(), NullLogger<DocumentXmlRepository>.Instance);
        var element = new XElement("key", new XAttribute("id", "k1"), new XElement("secret", "<&>"));

        repository.StoreElement(element, "key-k1");

        var stored = Assert.Single(repository.GetAllElements());
        Assert.True(XNode.DeepEquals(element, stored));
        Assert.Throws<InvalidOperationException>(() => repository.StoreElement(new XElement("key", "other"), "key-k1"));
        Assert.True(XNode.DeepEquals(element, Assert.Single(repository.GetAllElements())));
    }

    [Fact]
    public async Task An_unreadable_element_is_skipped_not_fatal()
    {
        var store = new InMemoryDocumentStore();
        var repository = new DocumentXmlRepository(store, NullLogger<DocumentXmlRepository>.Instance);
        repository.StoreElement(new XElement("key", "good"), "a");
        await store.PutAsync(new DocumentWrite(DocumentXmlRepository.Collection, "b", "{\"xml\":\"<broken\"}", 0), CancellationToken.None);
        await store.PutAsync(new DocumentWrite(DocumentXmlRepository.Collection, "c", "not json", 0), CancellationToken.None);

        Assert.Equal("good", Assert.Single(repository.GetAllElements()).Value);
    }

    [Fact]
    public async Task Two_instances_on_one_store_share_the_key_ring()
    {
        var store = new InMemoryDocumentStore();
        await using var a = OAuthInstance.Create(store, NoApi);
        await using var b = OAuthInstance.Create(store, NoApi);

        var fromA = a.DataProtection.CreateProtector("test").Protect("secret from A");

        Assert.Equal("secret from A", b.DataProtection.CreateProtector("test").Unprotect(fromA));
        Assert.Single(await store.ListAsync(DocumentXmlRepository.Collection, string.Empty, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Two_instances_that_each_made_a_first_key_at_once_still_read_each_other()
    {
        var store = new InMemoryDocumentStore();
        await using var a = OAuthInstance.Create(store, NoApi);
        await using var b = OAuthInstance.Create(new HidingStore(store, DocumentXmlRepository.Collection), NoApi);

        var fromA = a.DataProtection.CreateProtector("test").Protect("secret from A");
        var fromB = b.DataProtection.CreateProtector("test").Protect("secret from B");

        Assert.Equal(2, (await store.ListAsync(DocumentXmlRepository.Collection, string.Empty, 100, CancellationToken.None)).Count);
        Assert.Equal("secret from A", b.DataProtection.CreateProtector("test").Unprotect(fromA));
        Assert.Equal("secret from B", a.DataProtection.CreateProtector("test").Unprotect(fromB));
    }

    [Fact]
    public async Task A_store_with_another_key_ring_cannot_read_the_tokens()
    {
        await using var a = OAuthInstance.Create(new InMemoryDocumentStore(), NoApi);
        await using var stranger = OAuthInstance.Create(new InMemoryDocumentStore(), NoApi);

        Assert.Null(stranger.Tokens.TryUnprotect(a.Tokens.Protect("xoxb-secret")));
        Assert.Equal("xoxb-secret", a.Tokens.TryUnprotect(a.Tokens.Protect("xoxb-secret")));
    }
}
