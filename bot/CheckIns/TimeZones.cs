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
        if (string.IsNullOrEmpty(trimmed) || !TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var found))
        {
            return false;
        }

        zone = found;
        ianaId = found.HasIanaId ? found.Id
            : TimeZoneInfo.TryConvertWindowsIdToIanaId(found.Id, out var converted) ? converted
            : found.Id;
        return true;
    }

    public static bool IsKnown(string? id) => TryResolve(id, out _, out _);

    /// <summary>The zone for an id that was validated when stored; UTC if the system no longer knows it.</summary>
    public static TimeZoneInfo Find(string id) => TryResolve(id, out _, out var zone) ? zone : TimeZoneInfo.Utc;
}
