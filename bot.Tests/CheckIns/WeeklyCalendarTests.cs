using System.Globalization;
using FlywheelBot.CheckIns;

namespace FlywheelBot.Tests.CheckIns;

public sealed class WeeklyCalendarTests
{
    [Theory]
    // Europe/Berlin: spring forward on Sun 29 Mar 2026 (CET +1 -> CEST +2), fall back on Sun 25 Oct 2026.
    [InlineData("Europe/Berlin", DayOfWeek.Monday, "09:00", "2026-03-23T08:00:00Z", "2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z")]
    [InlineData("Europe/Berlin", DayOfWeek.Monday, "09:00", "2026-10-19T07:00:00Z", "2026-10-19T07:00:00Z", "2026-10-26T08:00:00Z")]
    // America/New_York: spring forward Sun 8 Mar 2026 (EST -5 -> EDT -4), fall back Sun 1 Nov 2026.
    [InlineData("America/New_York", DayOfWeek.Friday, "14:30", "2026-03-06T19:30:00Z", "2026-03-06T19:30:00Z", "2026-03-13T18:30:00Z")]
    [InlineData("America/New_York", DayOfWeek.Friday, "14:30", "2026-10-30T18:30:00Z", "2026-10-30T18:30:00Z", "2026-11-06T19:30:00Z")]
    public void Weekly_occurrences_keep_the_wall_clock_time_across_daylight_saving_changes(
        string zone, DayOfWeek day, string time, string after, string first, string second)
    {
        var schedule = new WeeklySchedule(day, TimeOnly.Parse(time, CultureInfo.InvariantCulture), zone);
        var one = WeeklyCalendar.NextOccurrence(schedule, Instant(after).AddTicks(-1));
        var two = WeeklyCalendar.NextOccurrence(schedule, one);

        Assert.Equal(Instant(first), one);
        Assert.Equal(Instant(second), two);
        Assert.Equal(schedule.Time, TimeOnly.FromDateTime(WeeklyCalendar.ToLocal(two, zone)));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-29T02:30:00", "2026-03-29T01:30:00Z")] // gap 02:00-03:00: 02:30 -> 03:30 CEST
    [InlineData("America/New_York", "2026-03-08T02:30:00", "2026-03-08T07:30:00Z")] // gap: 02:30 -> 03:30 EDT
    [InlineData("Europe/Berlin", "2026-10-25T02:30:00", "2026-10-25T00:30:00Z")] // ambiguous: first (CEST) occurrence
    [InlineData("America/New_York", "2026-11-01T01:30:00", "2026-11-01T05:30:00Z")] // ambiguous: first (EDT) occurrence
    [InlineData("Europe/Berlin", "2026-07-06T09:00:00", "2026-07-06T07:00:00Z")]
    public void Wall_clock_times_in_gaps_move_forward_and_ambiguous_ones_take_the_first_occurrence(string zone, string local, string expected)
    {
        var instant = WeeklyCalendar.ToInstant(DateTime.Parse(local, CultureInfo.InvariantCulture), TimeZones.Find(zone));
        Assert.Equal(Instant(expected), instant);
    }

    [Fact]
    public void A_check_in_scheduled_inside_the_spring_forward_gap_happens_once_that_week_an_hour_later()
    {
        var schedule = new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(2, 30), "Europe/Berlin");
        var next = WeeklyCalendar.NextOccurrence(schedule, Instant("2026-03-28T12:00:00Z"));
        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), WeeklyCalendar.ToLocal(next, "Europe/Berlin"));
        Assert.Equal(new DateTime(2026, 4, 5, 2, 30, 0), WeeklyCalendar.ToLocal(WeeklyCalendar.NextOccurrence(schedule, next), "Europe/Berlin"));
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")] // half-hour DST shift
    [InlineData("Asia/Kolkata")]
    [InlineData("UTC")]
    public void Next_occurrence_is_the_first_matching_wall_clock_time_after_any_instant(string zone)
    {
        var random = new Random(4711);
        for (var i = 0; i < 400; i++)
        {
            var schedule = new WeeklySchedule((DayOfWeek)random.Next(7), new TimeOnly(random.Next(24), random.Next(4) * 15), zone);
            var after = Instant("2025-01-01T00:00:00Z").AddMinutes(random.Next(0, 3 * 365 * 24 * 60));
            var next = WeeklyCalendar.NextOccurrence(schedule, after);
            var local = WeeklyCalendar.ToLocal(next, zone);

            Assert.True(next > after);
            Assert.True(next - after <= TimeSpan.FromDays(7) + TimeSpan.FromHours(2), $"{schedule} after {after:o} gave {next:o}");
            var zoneInfo = TimeZones.Find(zone);
            var intended = DateOnly.FromDateTime(local).ToDateTime(schedule.Time);
            if (!zoneInfo.IsInvalidTime(intended))
            {
                Assert.Equal(schedule.Day, local.DayOfWeek);
                Assert.Equal(schedule.Time, TimeOnly.FromDateTime(local));
            }

            // Nothing in between: from any instant before it, the next occurrence is the same one.
            var between = after + ((next - after) * random.NextDouble());
            Assert.Equal(next, WeeklyCalendar.NextOccurrence(schedule, between < next ? between : after));
            Assert.Equal(next, WeeklyCalendar.NextOccurrence(schedule, next.AddTicks(-1)));
            Assert.True(WeeklyCalendar.PreviousOccurrence(schedule, next) == next);
            Assert.True(WeeklyCalendar.PreviousOccurrence(schedule, next.AddTicks(-1)) < next);
        }
    }

    [Theory]
    [InlineData("2026-03-30T07:00:00Z", "Europe/Berlin", "2026-W14")]
    [InlineData("2026-01-01T10:00:00Z", "UTC", "2026-W01")]
    [InlineData("2027-01-01T10:00:00Z", "UTC", "2026-W53")]
    [InlineData("2026-03-29T23:30:00Z", "UTC", "2026-W13")] // Sunday night in UTC ...
    [InlineData("2026-03-29T23:30:00Z", "Europe/Berlin", "2026-W14")] // ... is already Monday in Berlin
    public void The_period_is_the_iso_week_of_the_local_date(string instant, string zone, string expected) =>
        Assert.Equal(expected, WeeklyCalendar.PeriodOf(Instant(instant), zone));

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("america/new_york", "America/New_York")]
    [InlineData("UTC", "UTC")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    public void Time_zones_resolve_to_iana_ids(string input, string expected)
    {
        Assert.True(TimeZones.TryResolve(input, out var iana, out _));
        Assert.Equal(expected, iana);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData("9am")]
    public void Unknown_time_zones_are_rejected(string input) => Assert.False(TimeZones.IsKnown(input));

    private static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
