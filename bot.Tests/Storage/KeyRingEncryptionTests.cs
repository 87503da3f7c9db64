using System.Security.Cryptography;
using System.Xml.Linq;
using FlywheelBot.Hosting;
using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// <c>DataProtection:KeyRingKey</c> seals each Data Protection key before it reaches the store: the database alone holds
/// no key in clear, every instance with the same key-ring key shares the ring, and one without it (or with another)
/// cannot open what was protected.
/// </summary>
public sealed class KeyRingEncryptionTests
{
    private const string KeyRingKey = "k3y-r1ng-k3y-for-tests-0123456789abcdef";

    private static ServiceProvider Instance(IDocumentStore store, string? keyRingKey)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataProtection:KeyRingKey"] = keyRingKey })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(store);
        services.AddStoreKeyRing();
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(ServiceProvider instance) =>
        instance.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

    private static async Task<List<string>> StoredJsonAsync(IDocumentStore store) =>
        [.. (await store.ListAsync(DocumentXmlRepository.Collection, string.Empty, 100, CancellationToken.None)).Select(d => d.Json)];

    [Fact]
    public async Task With_a_key_ring_key_no_key_is_stored_in_clear_and_instances_with_the_same_key_share_the_ring()
    {
        var store = new InMemoryDocumentStore();
        await using var a = Instance(store, KeyRingKey);
        await using var b = Instance(store, KeyRingKey);

        var protectedText = Protector(a).Protect("bot token of workspace A");

        Assert.Equal("bot token of workspace A", Protector(b).Unprotect(protectedText));
        var stored = Assert.Single(await StoredJsonAsync(store));
        Assert.DoesNotContain("masterKey", stored, StringComparison.Ordinal);
        Assert.Contains("urn:flywheelbot:keyring:v1", stored, StringComparison.Ordinal);
        Assert.Contains(nameof(KeyRingXmlDecryptor), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_ring_key_the_key_is_stored_as_data_protection_writes_it()
    {
        var store = new InMemoryDocumentStore();
        await using var a = Instance(store, keyRingKey: null);

        Protector(a).Protect("anything");

        Assert.Contains("masterKey", Assert.Single(await StoredJsonAsync(store)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("another-key-ring-key-of-enough-length")]
    public async Task An_instance_without_the_key_ring_key_cannot_open_what_was_protected(string? otherKey)
    {
        var store = new InMemoryDocumentStore();
        await using var a = Instance(store, KeyRingKey);
        var protectedText = Protector(a).Protect("bot token of workspace A");

        await using var stranger = Instance(store, otherKey);

        Assert.ThrowsAny<CryptographicException>(() => Protector(stranger).Unprotect(protectedText));
    }

    [Fact]
    public async Task A_key_ring_written_before_the_key_was_set_stays_readable()
    {
        var store = new InMemoryDocumentStore();
        await using var before = Instance(store, keyRingKey: null);
        var protectedText = Protector(before).Protect("from the old ring");

        await using var after = Instance(store, KeyRingKey);

        Assert.Equal("from the old ring", Protector(after).Unprotect(protectedText));
    }

    [Fact]
    public async Task A_short_key_ring_key_is_refused_with_the_setting_named()
    {
        await using var instance = Instance(new InMemoryDocumentStore(), "too-short");

        var error = Assert.Throws<OptionsValidationException>(() => instance.GetRequiredService<IOptions<KeyRingOptions>>().Value);
        Assert.Contains("DataProtection:KeyRingKey must be at least 15 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sealed_element_opens_only_with_its_key_and_unaltered()
    {
        var secret = new XElement("masterKey", new XElement("value", "c2VjcmV0LWtleS1ieXRlcw=="));
        var sealedElement = KeyRingCipher.Seal(secret, KeyRingKey);

        Assert.DoesNotContain("c2VjcmV0LWtleS1ieXRlcw", sealedElement.ToString(), StringComparison.Ordinal);
        Assert.True(XNode.DeepEquals(secret, KeyRingCipher.Open(sealedElement, KeyRingKey)));
        Assert.NotEqual(sealedElement.ToString(), KeyRingCipher.Seal(secret, KeyRingKey).ToString());

        var wrongKey = Assert.Throws<CryptographicException>(() => KeyRingCipher.Open(sealedElement, "another-key-ring-key-of-enough-length"));
        Assert.Contains("different DataProtection:KeyRingKey", wrongKey.Message, StringComparison.Ordinal);
        var noKey = Assert.Throws<CryptographicException>(() => KeyRingCipher.Open(sealedElement, null));
        Assert.Contains("DataProtection:KeyRingKey is not set", noKey.Message, StringComparison.Ordinal);

        var tampered = new XElement(sealedElement);
        var cipher = Convert.FromBase64String(tampered.Element(KeyRingCipher.Namespace + "ciphertext")!.Value);
        cipher[0] ^= 1;
        tampered.Element(KeyRingCipher.Namespace + "ciphertext")!.Value = Convert.ToBase64String(cipher);
        var altered = Assert.Throws<CryptographicException>(() => KeyRingCipher.Open(tampered, KeyRingKey));
        Assert.Contains("integrity check", altered.Message, StringComparison.Ordinal);
    }
}
