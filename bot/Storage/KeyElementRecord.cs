namespace FlywheelBot.Storage;

/// <summary>One Data Protection key ring element as stored: its XML text (see <see cref="DocumentXmlRepository"/>).</summary>
internal sealed record KeyElementRecord(string Xml);
