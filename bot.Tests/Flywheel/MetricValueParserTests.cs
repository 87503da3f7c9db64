using FlywheelBot.Flywheel;

namespace FlywheelBot.Tests.Flywheel;

public sealed class MetricValueParserTests
{
    [Theory]
    [InlineData("monthly_visitors", "1,200", 1200)]
    [InlineData("monthly_visitors", "1200", 1200)]
    [InlineData("monthly_visitors", "2k", 2000)]
    [InlineData("monthly_visitors", "2.5k", 2500)]
    [InlineData("monthly_visitors", "2.5 K", 2500)]
    [InlineData("monthly_visitors", "1.2m", 1200000)]
    [InlineData("monthly_visitors", "3 million", 3000000)]
    [InlineData("monthly_visitors", "about 2k visitors", 2000)]
    [InlineData("monthly_visitors", "~300", 300)]
    [InlineData("monthly_visitors", "1,234,567", 1234567)]
    [InlineData("monthly_visitors", "  we get roughly 40 per month.", 40)]
    [InlineData("monthly_visitors", "0", 0)]
    [InlineData("leads", "12", 12)]
    [InlineData("visitor_to_lead_pct", "12", 12)]
    [InlineData("visitor_to_lead_pct", "12%", 12)]
    [InlineData("visitor_to_lead_pct", "12.5", 12.5)]
    [InlineData("visitor_to_lead_pct", "12.5 percent", 12.5)]
    [InlineData("visitor_to_lead_pct", "12.5 per cent", 12.5)]
    [InlineData("visitor_to_lead_pct", "100%", 100)]
    [InlineData("visitor_to_lead_pct", ".5%", 0.5)]
    [InlineData("nps", "-20", -20)]
    [InlineData("nps", "minus 20", -20)]
    [InlineData("nps", "it's about 35", 35)]
    [InlineData("nps", "-100", -100)]
    [InlineData("lead_response_hours", "3 hours", 3)]
    public void Accepts_what_people_type(string metric, string text, double expected)
    {
        var result = MetricValueParser.Parse(Given.Playbook.Metric(metric), text);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal((decimal)expected, result.Value);
    }

    [Theory]
    [InlineData("monthly_visitors", "no idea", "is not a number")]
    [InlineData("monthly_visitors", "", "is not a number")]
    [InlineData("monthly_visitors", "lots", "is not a number")]
    [InlineData("monthly_visitors", "between 10 and 20", "more than one number")]
    [InlineData("monthly_visitors", "10-20", "more than one number")]
    [InlineData("monthly_visitors", "12 months ago it was less, now 500", "more than one number")]
    [InlineData("monthly_visitors", "12,5", "is not a number")]
    [InlineData("monthly_visitors", "-5", "cannot be negative")]
    [InlineData("leads", "minus 3", "cannot be negative")]
    [InlineData("monthly_visitors", "12%", "is not a percentage")]
    [InlineData("monthly_visitors", "99999999999999999999999999999999", "too large")]
    [InlineData("visitor_to_lead_pct", "120", "cannot be over 100")]
    [InlineData("visitor_to_lead_pct", "101%", "cannot be over 100")]
    [InlineData("visitor_to_lead_pct", "-1", "from 0 to 100")]
    [InlineData("nps", "150", "must be from -100 to 100")]
    [InlineData("nps", "-101", "must be from -100 to 100")]
    [InlineData("lead_response_hours", "-2", "cannot be negative")]
    public void Refuses_with_a_reason_instead_of_guessing(string metric, string text, string reason)
    {
        var result = MetricValueParser.Parse(Given.Playbook.Metric(metric), text);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("monthly_visitors", "count per month")]
    [InlineData("activation_pct", "percentage from 0 to 100")]
    [InlineData("nps", "from -100 to 100")]
    public void Errors_say_what_a_good_answer_looks_like(string metric, string expected)
    {
        var result = MetricValueParser.Parse(Given.Playbook.Metric(metric), "not sure");

        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_answers_are_shortened_in_the_error()
    {
        var result = MetricValueParser.Parse(Given.Playbook.Metric("leads"), new string('x', 500));

        Assert.True(result.Error!.Length < 200);
    }
}
