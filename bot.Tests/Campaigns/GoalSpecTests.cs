using FlywheelBot.Campaigns;

namespace FlywheelBot.Tests.Campaigns;

public sealed class GoalSpecTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("50 leads a month by 31 March", "leads", "50", "2027-03-31")]
    [InlineData("50 qualified leads a month by 31 March", "leads", "50", "2027-03-31")]
    [InlineData("leads 50 by 2027-03-31", "leads", "50", "2027-03-31")]
    [InlineData("leads=50 by 2027-03-31", "leads", "50", "2027-03-31")]
    [InlineData("activation 40% by March 31, 2027", "activation", "40%", "2027-03-31")]
    [InlineData("2k visitors by 15th December", "visitors", "2k", "2026-12-15")]
    public void Goals_read_as_people_type_them(string text, string metric, string target, string by)
    {
        var read = GoalSpec.TryRead(text, Today, Resolve, out var problem);

        Assert.Null(problem);
        Assert.Equal((metric, target, DateOnly.Parse(by, System.Globalization.CultureInfo.InvariantCulture)), read);
    }

    [Theory]
    [InlineData("50 leads", "A goal needs a number, a metric and a date")]
    [InlineData("50 leads by someday", "I couldn't read the date \"someday\"")]
    [InlineData("lots of leads by 31 March", "A goal needs one number")]
    [InlineData("50 unicorns by 31 March", "I don't know the metric \"unicorns\"")]
    public void Unreadable_goals_say_what_is_missing(string text, string expected)
    {
        Assert.Null(GoalSpec.TryRead(text, Today, Resolve, out var problem));
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    private static bool Resolve(string name, out string metricId)
    {
        metricId = name;
        return name is "leads" or "visitors" or "activation";
    }
}
