using System.Security.Cryptography;
using System.Text;

namespace FlywheelBot.Storage;

/// <summary>Argument checks and time normalisation shared by the providers, so both behave identically.</summary>
internal static class DocumentKeys
{
    /// <summary>Collections and keys are non-empty and free of NUL (PostgreSQL text cannot hold it).</summary>
    public static void Validate(string collection, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw new ArgumentException("A key must not be empty.", nameof(key));
        }

        if (collection.Contains('\0', StringComparison.Ordinal) || key.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("Collections and keys must not contain NUL characters.", nameof(key));
        }
    }

    /// <summary>Keys up to this many UTF-8 bytes are stored as they are (PostgreSQL's index rows stop near 2.7 KB).</summary>
    public const int MaxStoredKeyBytes = 512;

    private const int KeptPrefixBytes = 400;

    /// <summary>
    /// The key as the providers store it, so that no key fails on length: a key longer than
    /// <see cref="MaxStoredKeyBytes"/> is kept as its first whole code points (up to 400 bytes, so listing by a shorter
    /// prefix still finds it) followed by <c>#</c> and the SHA-256 of the whole key. Reads by the same key find it.
    /// </summary>
    public static string StoredKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length * 3 <= MaxStoredKeyBytes || Encoding.UTF8.GetByteCount(key) <= MaxStoredKeyBytes)
        {
            return key;
        }

        var kept = new StringBuilder();
        var bytes = 0;
        foreach (var rune in key.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > KeptPrefixBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            kept.Append(rune.ToString());
        }

        return $"{kept}#{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}";
    }

    public static void ValidatePrefix(string collection, string keyPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        if (keyPrefix.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A key prefix must not contain NUL characters.", nameof(keyPrefix));
        }
    }

    /// <summary>
    /// An exclusive upper bound for keys starting with <paramref name="prefix"/> in code point order: the prefix
    /// followed by U+10FFFF (keys are ids; the last code point is a noncharacter never used in one). The providers
    /// also check the prefix exactly, so the bound only narrows the index range.
    /// </summary>
    public static string UpperBound(string prefix) => prefix + char.ConvertFromUtf32(0x10FFFF);

    /// <summary>Number of code points (what SQL <c>length</c>/<c>substr</c> count).</summary>
    public static int CodePoints(string text) => text.EnumerateRunes().Count();

    /// <summary>Times are kept at millisecond precision in UTC by every provider.</summary>
    public static long ToUnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset Truncate(DateTimeOffset time) => FromUnixMs(ToUnixMs(time));
}
