using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Goals;
using FlywheelBot.Tests.Flywheel;
using FlywheelBot.Views.Images;

namespace FlywheelBot.Tests.Views.Images;

public sealed class ImageDump
{
    [Fact]
    public void Dump()
    {
        var dir = Environment.GetEnvironmentVariable("SEEDS_DUMP");
        if (dir is null)
        {
            return;
        }

        var diagnosis = Given.Diagnose(Audience.Sdm, MarketAwareness.Emerging, "monthly_visitors=2400 inbound_conversations=6 leads=8 visitor_to_lead_pct=0.4");
        var goal = GoalProgress.Of(Given.Playbook, new FlywheelGoal("leads", 50, new DateOnly(2027, 3, 31), Baseline: 8), 20, new DateOnly(2026, 12, 2));
        File.WriteAllBytes(Path.Combine(dir, "wheel.png"), WheelPictures.Render(WheelPictures.From(diagnosis, Given.Playbook, goal)).Png);
        File.WriteAllBytes(Path.Combine(dir, "trend.png"), TrendChartImage.Render(new TrendPicture("Monthly churn (%)", ["5 Oct", "12 Oct", "19 Oct", "26 Oct", "2 Nov", "9 Nov", "16 Nov", "23 Nov"], [5m, 4.5m, null, 4m, 3.5m, 3m, 3m, 2.5m], 2m, true, v => $"{TrendChartImage.Plain(v)} %")).Png);
    }
}
