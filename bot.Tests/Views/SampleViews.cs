using System.Collections.Immutable;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Views;

/// <summary>One deterministic example of every view kind, for golden files and the validators.</summary>
internal static class SampleViews
{
    /// <summary>User text that tries to break out of JSON, templates or markup: every channel's renderer must keep it inert.</summary>
    public static readonly string[] Hostile =
    [
        "\"}]}, {\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"",
        "line one\nline two\r\n{{name}} ${value}",
        "<at>FlywheelBot</at> </at> <script>alert(1)</script>",
    ];

    public static WelcomeView Welcome { get; } = new(IsTeamChat: false);

    public static WelcomeView WelcomeTeam { get; } = new(IsTeamChat: true);

    public static QuestionView ChoiceQuestion { get; } = new(
        "audience",
        "Who does your marketing speak to?",
        "Senior decision-makers influence the purchase but rarely use the product; end users use it every day.",
        new QuestionProgress(0, 5, "About your team"),
        [new("sdm", "Senior decision-makers"), new("end-user", "End users")],
        null,
        null,
        CanGoBack: false);

    public static QuestionView NumberReAsk { get; } = new(
        "monthly_visitors",
        "How many people visit your website in a month?",
        "A number (per month); \"about 2k\" works too. Not sure? Say \"skip\".",
        new QuestionProgress(1, 5, "Awareness"),
        [],
        "per month",
        "I could not read \"lots\" as a number. Type something like 1,200 or \"about 2k\", or \"skip\".",
        CanGoBack: true,
        Min: 0);

    public static AnsweredView Answered { get; } = new("How many people visit your website in a month?", "1,200 per month");

    public static RecommendationView Recommendation { get; } = new(
        "Engagement",
        2,
        false,
        "Visitors arrive (1,200 a month) but only 2 reach out to talk: engagement is the first weak stage.",
        "Thought leadership for buyers",
        "Senior buyers lean in for a sharp point of view they can take to their board.",
        "Pick the one question your buyers ask most and publish your answer this week.",
        "Inbound conversations",
        "10 a month",
        new DateOnly(2026, 12, 23),
        [new StopItem("Lead qualification", "There are too few leads to qualify; the effort is burnt upstream.")],
        ["Monthly churn: not reported, assumed healthy."],
        null);

    public static RecommendationView Optimisation { get; } = Recommendation with
    {
        IsOptimisation = true,
        StopDoing = [],
        Assumptions = [],
        Source = "From this chat's saved profile, updated 3 days ago",
    };

    /// <summary>Nothing weak, a stage on watch, numbers that contradict each other, a team doing too much (issue 15).</summary>
    public static RecommendationView Watch { get; } = Recommendation with
    {
        BottleneckStatus = StageStatus.Watch,
        Warnings = ["3,000 website visitors a month at 10 % would make about 300 new leads a month, but you said 4: which number is right?"],
        Focus = "You are doing 8 things at once. Doing everything is not a strategy: it burns people out and the budget with them. Keep 3 running and pause the rest.",
        StopDoing = [new StopItem("PR; SEO and Webinars", "Paused for focus: this work is not on engagement, the stage holding you back.")],
    };

    public static StageWalkView StageWalkWatch { get; } = new(
        [
            new StageLine(1, "Awareness", StageStatus.Healthy, false, ["Website visitors per month: 2,000 meets the healthy benchmark of 1,500."]),
            new StageLine(2, "Engagement", StageStatus.Watch, true, ["People reaching out to talk, per month: 4 is above the weak line of 2 but short of the healthy benchmark of 8: one to watch."]),
            new StageLine(3, "Conversion", StageStatus.Healthy, false, []),
            new StageLine(4, "Adoption", StageStatus.Unknown, false, []),
            new StageLine(5, "Advocacy", StageStatus.Unknown, false, []),
        ],
        "Nothing reported is weak, but engagement is the earliest stage short of its healthy benchmark.");

    public static StageWalkView StageWalk { get; } = new(
        [
            new StageLine(1, "Awareness", StageStatus.Healthy, false, ["Monthly visitors 1,200 is above the healthy line 1,000."]),
            new StageLine(2, "Engagement", StageStatus.Weak, true, ["Inbound conversations 2 is below the weak line 5."]),
            new StageLine(3, "Conversion", StageStatus.Unknown, false, []),
            new StageLine(4, "Adoption", StageStatus.Unknown, false, []),
            new StageLine(5, "Advocacy", StageStatus.Unknown, false, []),
        ],
        "Engagement is the first weak stage.");

    public static HelpView Help { get; } = new("Who does your marketing speak to?", IsTeamChat: false);

    public static HelpView HelpTeam { get; } = new(null, IsTeamChat: true);

    public static TourStageView TourStage { get; } = new(
        "conversion",
        3,
        5,
        "Conversion",
        "Interested people become leads, and leads become customers.",
        ["Visitor to lead", "Lead to customer"],
        "Senior buyers expect a fast, well-prepared reply.",
        "End users convert through a trial that shows value quickly.",
        ["Lead qualification", "Landing page clean-up"],
        "When does an elaborate lead-qualification process pay off?",
        [new("a", "When there are enough leads to qualify"), new("b", "Always, from day one")]);

    public static TourAnswerView TourAnswer { get; } = new("conversion", "Conversion", true, "Exactly.", "adoption", "Adoption");

    public static TourAnswerView TourLastAnswer { get; } = new("advocacy", "Advocacy", false, "Careful.", null, null);

    public static NoticeView Notice { get; } = new(
        "Stopped the interview.",
        [ViewAction.Of("Start the interview", "start", true, (ViewData.Command, ViewCommands.Start))]);

    public static NoticeView Warning { get; } = NoticeView.Say("Sorry, I lost track of our conversation.", NoticeTone.Warning);

    /// <summary>A senior decision-maker recommendation with its spoke, a goal and how the activity moves it.</summary>
    public static RecommendationView RecommendationWithGoal { get; } = Recommendation with
    {
        Spoke = "Spoke: Thought leadership. It feeds partner programmes next: A point of view that senior buyers quote makes you the firm partners want to be seen with.",
        Goal = "Goal: New leads per month: 50 by 31 Mar 2027 (now 8, 42 to go; 119 days left).",
        GoalLink = "It moves the goal from upstream: awareness comes before conversion in the wheel, so better share of voice (%) widens what reaches new leads per month.",
    };

    /// <summary>"Why this?" with the flywheel picture.</summary>
    public static StageWalkView StageWalkWithWheel { get; } = StageWalk with
    {
        Wheel = new FlywheelBot.Views.Images.RenderedImage([0x89, 0x50, 0x4E, 0x47], 420, 420, "Your flywheel: Awareness weak, Engagement unknown. Bottleneck: Awareness. No goal set."),
    };

    /// <summary>Every sample with the name its golden file uses.</summary>
    public static ImmutableArray<(string Name, ViewModel View)> All { get; } =
    [
        ("welcome", Welcome),
        ("welcome-team", WelcomeTeam),
        ("question-choice", ChoiceQuestion),
        ("question-number-reask", NumberReAsk),
        ("answered", Answered),
        ("recommendation", Recommendation),
        ("recommendation-optimisation", Optimisation),
        ("stage-walk", StageWalk),
        ("recommendation-goal", RecommendationWithGoal),
        ("stage-walk-wheel", StageWalkWithWheel),
        ("recommendation-watch", Watch),
        ("stage-walk-watch", StageWalkWatch),
        ("help", Help),
        ("help-team", HelpTeam),
        ("tour-stage", TourStage),
        ("tour-answer", TourAnswer),
        ("tour-answer-last", TourLastAnswer),
        ("notice", Notice),
        ("notice-warning", Warning),
    ];
}
