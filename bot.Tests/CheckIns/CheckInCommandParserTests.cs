using System.Collections.Immutable;
using FlywheelBot.Advisor;
using FlywheelBot.CheckIns.Commands;
using FlywheelBot.Conversations;

namespace FlywheelBot.Tests.CheckIns;

public sealed class CheckInCommandParserTests
{
    [Theory]
    [InlineData("check in every Monday at 9", DayOfWeek.Monday, "09:00", null)]
    [InlineData("Check in weekly on friday at 14:30", DayOfWeek.Friday, "14:30", null)]
    [InlineData("check in every monday at 9am Europe/Berlin", DayOfWeek.Monday, "09:00", "Europe/Berlin")]
    [InlineData("check-in every tuesday at 2:15 pm America/New_York", DayOfWeek.Tuesday, "14:15", "America/New_York")]
    [InlineData("checkins every wed 8.30", DayOfWeek.Wednesday, "08:30", null)]
    [InlineData("check in every Thursday at 12am UTC.", DayOfWeek.Thursday, "00:00", "UTC")]
    [InlineData("set up check-ins every sunday at 18:00", DayOfWeek.Sunday, "18:00", null)]
    [InlineData("check in weekly at 10", DayOfWeek.Monday, "10:00", null)]
    public void Subscriptions_parse_day_time_and_zone(string text, DayOfWeek day, string time, string? zone)
    {
        var command = Assert.IsType<SubscribeCommand>(CheckInCommandParser.ParseText(text));
        Assert.Equal(new SubscribeCommand(day, TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), zone), command);
    }

    [Theory]
    [InlineData("move check-in to Tuesday 10:00", DayOfWeek.Tuesday, "10:00", null)]
    [InlineData("change check-in time to 14:30", null, "14:30", null)]
    [InlineData("reschedule the check-in to friday", DayOfWeek.Friday, null, null)]
    [InlineData("set check-in zone to Europe/Paris", null, null, "Europe/Paris")]
    [InlineData("move our checkin to thursday at 4pm Asia/Tokyo", DayOfWeek.Thursday, "16:00", "Asia/Tokyo")]
    public void Changes_keep_what_is_not_mentioned(string text, DayOfWeek? day, string? time, string? zone)
    {
        var command = Assert.IsType<RescheduleCommand>(CheckInCommandParser.ParseText(text));
        Assert.Equal(day, command.Day);
        Assert.Equal(time is null ? null : TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), command.Time);
        Assert.Equal(zone, command.TimeZone);
    }

    [Theory]
    [InlineData("pause", "Pause", false)]
    [InlineData("pause check-ins", "Pause", true)]
    [InlineData("Please pause the check-in", "Pause", true)]
    [InlineData("resume", "Resume", false)]
    [InlineData("resume check-ins", "Resume", true)]
    [InlineData("skip next", "SkipNext", false)]
    [InlineData("skip the next check-in", "SkipNext", true)]
    [InlineData("skip this week", "SkipNext", false)]
    [InlineData("stop check-ins", "Stop", true)]
    [InlineData("stop checking in", "Stop", true)]
    [InlineData("unsubscribe", "Stop", true)]
    [InlineData("check-in status", "Status", true)]
    [InlineData("when is the next check-in?", "Status", true)]
    [InlineData("history", "History", true)]
    [InlineData("Trend", "History", true)]
    [InlineData("show me the trend", "History", true)]
    [InlineData("export", "Export", true)]
    [InlineData("export history as CSV", "Export", true)]
    public void Simple_commands_are_recognised(string text, string kindName, bool isExplicit)
    {
        var command = Assert.IsType<SimpleCommand>(CheckInCommandParser.ParseText(text));
        Assert.Equal(kindName, command.Kind.ToString());
        Assert.Equal(isExplicit, command.Explicit);
    }

    [Theory]
    [InlineData("snooze", 1, null, false)]
    [InlineData("snooze a day", 1, null, false)]
    [InlineData("snooze for 2 days", 2, null, false)]
    [InlineData("snooze a week", 7, null, false)]
    [InlineData("snooze until Tuesday", 0, DayOfWeek.Tuesday, false)]
    [InlineData("snooze the check-in till fri", 0, DayOfWeek.Friday, true)]
    [InlineData("snooze tomorrow", 1, null, false)]
    public void Snoozes_take_days_or_a_weekday(string text, int days, DayOfWeek? until, bool isExplicit) =>
        Assert.Equal(new SnoozeCommand(days, until, isExplicit), CheckInCommandParser.ParseText(text));

    [Theory]
    // The advisor's own words and answers must pass through.
    [InlineData("help")]
    [InlineData("back")]
    [InlineData("skip")]
    [InlineData("cancel")]
    [InlineData("restart")]
    [InlineData("stop")]
    [InlineData("sdm")]
    [InlineData("emerging")]
    [InlineData("5400")]
    [InlineData("12.5%")]
    [InlineData("yes")]
    [InlineData("nobody is coming to the website to talk")]
    [InlineData("check in every blursday at 9")]
    [InlineData("check in every monday at 25:00")]
    [InlineData("snooze forever")]
    [InlineData("move the meeting to tuesday")]
    [InlineData("we want to check inbound leads")]
    public void Other_features_turns_are_not_claimed(string text)
    {
        var command = CheckInCommandParser.ParseText(text);
        Assert.True(command is null || command is AnswerCommand { Explicit: false }, $"'{text}' parsed as {command}");
    }

    [Theory]
    [InlineData("visitors 5400, nps 20", "visitors=5400;nps=20")]
    [InlineData("monthly_visitors: 5,400; leads = 40 and activation 36%", "monthly_visitors=5,400;leads=40;activation=36%")]
    [InlineData("Inbound conversations 12", "inbound conversations=12")]
    public void Typed_answers_become_name_value_pairs_that_are_claimed_only_while_a_check_in_waits(string text, string expected)
    {
        var command = Assert.IsType<AnswerCommand>(CheckInCommandParser.ParseText(text));
        Assert.False(command.Explicit);
        Assert.Equal(expected, string.Join(';', command.Values.Select(kv => $"{kv.Key}={kv.Value}")));
    }

    [Fact]
    public void Buttons_carry_the_command_in_cmd()
    {
        var values = ImmutableDictionary<string, string>.Empty
            .Add("cmd", "checkin-subscribe").Add("day", "friday").Add("time", "14:30").Add("zone", "Europe/Berlin");
        var turn = new InboundTurn("k", ConversationScope.Personal, TurnKind.AnswerInPlace, "u", null, null, values, null);
        Assert.Equal(new SubscribeCommand(DayOfWeek.Friday, new TimeOnly(14, 30), "Europe/Berlin"), CheckInCommandParser.Parse(turn));

        var answer = turn with
        {
            Values = ImmutableDictionary<string, string>.Empty.Add("cmd", "checkin-answer").Add("metric:nps", " 20 ").Add("metric:leads", "").Add("period", "2026-W14"),
        };
        var parsed = Assert.IsType<AnswerCommand>(CheckInCommandParser.Parse(answer));
        Assert.True(parsed.FromCard);
        Assert.Equal("nps=20", string.Join(";", parsed.Values.Select(kv => $"{kv.Key}={kv.Value}")));
    }

    [Fact]
    public void Card_subscribe_without_inputs_defaults_to_monday_nine() =>
        Assert.Equal(
            new SubscribeCommand(DayOfWeek.Monday, new TimeOnly(9, 0), null),
            CheckInCommandParser.Parse(new InboundTurn("k", ConversationScope.Personal, TurnKind.Message, "u", null, null,
                ImmutableDictionary<string, string>.Empty.Add("cmd", "checkin-subscribe"), null)));

    [Fact]
    public void Other_card_actions_are_not_claimed() =>
        Assert.Null(CheckInCommandParser.Parse(new InboundTurn("k", ConversationScope.Personal, TurnKind.Message, "u", null, null,
            ImmutableDictionary<string, string>.Empty.Add("cmd", "answer").Add("value", "sdm"), null)));
}
