using FlywheelBot.Settings;
using System.ComponentModel.DataAnnotations;

namespace FlywheelBot.CheckIns;

/// <summary>Settings under <c>CheckIns</c>.</summary>
public sealed class CheckInOptions
{
    public const string Section = "CheckIns";

    /// <summary>Whether the scheduler sends check-ins (commands and history work either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>IANA zone for conversations whose channel does not say one (Teams does); UTC when empty.</summary>
    [IanaTimeZone]
    public string? DefaultTimeZone { get; set; }

    /// <summary>How often the scheduler looks for due check-ins.</summary>
    [TimeSpanRange("00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an instance's claim on a due check-in lasts before another instance may send it.</summary>
    [TimeSpanRange("00:00:05", "01:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after an unanswered check-in its one reminder goes out.</summary>
    [TimeSpanRange("00:00:01", "7.00:00:00")]
    public TimeSpan ReminderDelay { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many due subscriptions one poll handles.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>How long history snapshots are kept.</summary>
    [TimeSpanRange("7.00:00:00", "3650.00:00:00")]
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(730);

    /// <summary>How long the download link of a history export (<c>export</c>) works.</summary>
    [TimeSpanRange("00:05:00", "30.00:00:00")]
    public TimeSpan ExportLinkLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The zone used when neither the turn nor the setting names one.</summary>
    public string FallbackTimeZone => string.IsNullOrWhiteSpace(DefaultTimeZone) ? "UTC" : DefaultTimeZone.Trim();
}
