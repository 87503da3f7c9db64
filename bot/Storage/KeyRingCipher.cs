using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace FlywheelBot.Storage;

/// <summary>
/// AES-256-GCM over one Data Protection key element, with a key derived (HKDF-SHA256) from
/// <see cref="KeyRingOptions.KeyRingKey"/>. The sealed element carries a fingerprint of the key-ring key (not the key),
/// so a wrong key is named as such rather than reported as corruption.
/// </summary>
internal static class KeyRingCipher
{
    public static readonly XNamespace Namespace = "urn:flywheelbot:keyring:v1";
    public static readonly XName Sealed = Namespace + "sealed";

    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] KeyInfo = Encoding.UTF8.GetBytes("FlywheelBot Data Protection key ring v1: key");
    private static readonly byte[] FingerprintInfo = Encoding.UTF8.GetBytes("FlywheelBot Data Protection key ring v1: fingerprint");

    public static XElement Seal(XElement plaintext, string keyRingKey)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var clear = Encoding.UTF8.GetBytes(plaintext.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var cipher = new byte[clear.Length];
        var tag = new byte[TagBytes];
        var key = DeriveKey(keyRingKey);
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Encrypt(nonce, clear, cipher, tag, AssociatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(clear);
        }

        return new XElement(
            Sealed,
            new XAttribute("key", Fingerprint(keyRingKey)),
            new XElement(Namespace + "nonce", Convert.ToBase64String(nonce)),
            new XElement(Namespace + "ciphertext", Convert.ToBase64String(cipher)),
            new XElement(Namespace + "tag", Convert.ToBase64String(tag)));
    }

    /// <exception cref="CryptographicException">Sealed with another key-ring key, tampered with, or not a sealed element.</exception>
    public static XElement Open(XElement sealedElement, string? keyRingKey)
    {
        ArgumentNullException.ThrowIfNull(sealedElement);
        if (sealedElement.Name != Sealed)
        {
            throw new CryptographicException($"Not a FlywheelBot key ring element: <{sealedElement.Name.LocalName}>.");
        }

        if (string.IsNullOrEmpty(keyRingKey))
        {
            throw new CryptographicException("This Data Protection key is encrypted with a key-ring key, and DataProtection:KeyRingKey is not set.");
        }

        if (!string.Equals((string?)sealedElement.Attribute("key"), Fingerprint(keyRingKey), StringComparison.Ordinal))
        {
            throw new CryptographicException("This Data Protection key was encrypted with a different DataProtection:KeyRingKey than the one set now.");
        }

        byte[] nonce, cipher, tag;
        try
        {
            nonce = Convert.FromBase64String((string?)sealedElement.Element(Namespace + "nonce") ?? string.Empty);
            cipher = Convert.FromBase64String((string?)sealedElement.Element(Namespace + "ciphertext") ?? string.Empty);
            tag = Convert.FromBase64String((string?)sealedElement.Element(Namespace + "tag") ?? string.Empty);
        }
        catch (FormatException exception)
        {
            throw new CryptographicException("A sealed Data Protection key is not readable base64.", exception);
        }

        if (nonce.Length != NonceBytes || tag.Length != TagBytes)
        {
            throw new CryptographicException("A sealed Data Protection key has a nonce or tag of the wrong size.");
        }

        var clear = new byte[cipher.Length];
        var key = DeriveKey(keyRingKey);
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(nonce, cipher, tag, clear, AssociatedData);
            return XElement.Parse(Encoding.UTF8.GetString(clear));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new CryptographicException("A sealed Data Protection key failed its integrity check (altered in the database?).", exception);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    private static ReadOnlySpan<byte> AssociatedData => "FlywheelBot key ring v1"u8;

    private static byte[] DeriveKey(string keyRingKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(keyRingKey), 32, salt: [], info: KeyInfo);

    /// <summary>Eight bytes of a separate HKDF output: tells keys apart without revealing anything about them.</summary>
    private static string Fingerprint(string keyRingKey) =>
        Convert.ToHexString(HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(keyRingKey), 8, salt: [], info: FingerprintInfo)).ToLower(CultureInfo.InvariantCulture);
}
