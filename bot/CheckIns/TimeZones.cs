using System.Diagnostics.CodeAnalysis;

namespace FlywheelBot.CheckIns;

/// <summary>IANA time zone lookup (Windows ids are accepted and converted to IANA).</summary>
internal static class TimeZones
{
    public static bool TryResolve(string? id, [NotNullWhen(true)] out string? ianaId, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        ianaId = null;
        zone = null;
        var trimmed = id?.Trim();
        if (string.IsNullOrEmpty(trimmed)
            || (!TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var found)
                && !TimeZoneInfo.TryFindSystemTimeZoneById(CanonicalCase(trimmed), out found)))
        {
            return false;
        }

        zone = found;
        ianaId = found.HasIanaId ? found.Id
            : TimeZoneInfo.TryConvertWindowsIdToIanaId(found.Id, out var converted) ? converted
            : found.Id;
        return true;
    }

    /// <summary>"europe/berlin" -> "Europe/Berlin", "america/port-au-prince" -> "America/Port-Au-Prince", "utc" -> "UTC".</summary>
    private static string CanonicalCase(string id)
    {
        if (id.Length <= 4 && !id.Contains('/', StringComparison.Ordinal))
        {
            return id.ToUpperInvariant();
        }

        var chars = id.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is '/' or '_' or '-')
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    public static bool IsKnown(string? id) => TryResolve(id, out _, out _);

    /// <summary>The zone for an id that was validated when stored; UTC if the system no longer knows it.</summary>
    public static TimeZoneInfo Find(string id) => TryResolve(id, out _, out var zone) ? zone : TimeZoneInfo.Utc;
}
