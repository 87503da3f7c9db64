using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace FlywheelBot.Storage;

/// <summary>Data Protection's hook for a new key's secret part: sealed with <see cref="KeyRingCipher"/> before it reaches the store.</summary>
internal sealed class KeyRingXmlEncryptor(string keyRingKey) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(KeyRingCipher.Seal(plaintextElement, keyRingKey), typeof(KeyRingXmlDecryptor));
}
