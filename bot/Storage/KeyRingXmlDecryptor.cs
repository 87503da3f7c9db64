using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Storage;

/// <summary>
/// Opens a key sealed by <see cref="KeyRingXmlEncryptor"/>. Data Protection creates it by type name (recorded beside
/// the sealed element) with the service provider, so the key-ring key comes from the options.
/// </summary>
internal sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingCipher.Open(encryptedElement, services.GetService<IOptions<KeyRingOptions>>()?.Value.KeyRingKey);
}
