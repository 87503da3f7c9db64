using System.Collections.Immutable;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>The three questions about the team, with the words people use for each answer.</summary>
internal static class BasicQuestions
{
    public const string AudienceId = "audience";
    public const string AwarenessId = "awareness";
    public const string CommunityId = "community";
    public const string DoingId = "doing";

    /// <summary>Not an activity: the "not sure" choice of the doing question.</summary>
    public const string NotSure = "not-sure";

    /// <summary>What the team does now: the activities for its audience in plain words, several at once, "not sure" fine.</summary>
    public static BasicQuestion Doing(IEnumerable<(string Id, string Name)> activities) => new(
        DoingId,
        "Last one: what are you doing now? Pick all that apply.",
        "So I can say what to keep and what to stop. Type them (\"seo and webinars\"), their numbers, or \"not sure\".",
        [.. activities.Select(a => new ChoiceOption(a.Id, a.Name)), new ChoiceOption(NotSure, "Not sure / nothing yet")],
        []);

    public static BasicQuestion Audience { get; } = new(
        AudienceId,
        "Who does your marketing speak to?",
        "Senior decision-makers influence the purchase but rarely use the product; end users use it every day.",
        [new("sdm", "Senior decision-makers"), new("end-user", "End users")],
        Ordered(
            ("sdm", "sdm"), ("sdms", "sdm"), ("senior", "sdm"), ("senior people", "sdm"), ("seniors", "sdm"),
            ("decision makers", "sdm"), ("decision maker", "sdm"), ("executives", "sdm"), ("execs", "sdm"),
            ("leaders", "sdm"), ("leadership", "sdm"), ("c level", "sdm"), ("cxo", "sdm"), ("cxos", "sdm"),
            ("management", "sdm"), ("buyers", "sdm"), ("cio", "sdm"), ("cios", "sdm"), ("cto", "sdm"), ("ctos", "sdm"), ("cfo", "sdm"),
            ("cfos", "sdm"), ("cmo", "sdm"), ("cmos", "sdm"), ("vps", "sdm"), ("heads of", "sdm"), ("directors", "sdm"), ("c suite", "sdm"),
            ("consumers", "end-user"), ("students", "end-user"),
            ("end user", "end-user"), ("end users", "end-user"), ("enduser", "end-user"), ("endusers", "end-user"),
            ("users", "end-user"), ("user", "end-user"), ("developers", "end-user"), ("devs", "end-user"),
            ("engineers", "end-user"), ("practitioners", "end-user"), ("people who use it", "end-user")));

    public static BasicQuestion Awareness { get; } = new(
        AwarenessId,
        "How well does your market know you?",
        "New: nobody knows you yet. Emerging: some recognition. Established: well known.",
        [new("new", "New: nobody knows us yet"), new("emerging", "Emerging: some recognition"), new("established", "Established: well known")],
        Ordered(
            ("new", "new"), ("brand new", "new"), ("nobody", "new"), ("no one", "new"), ("unknown", "new"), ("not at all", "new"),
            ("emerging", "emerging"), ("some", "emerging"), ("a bit", "emerging"), ("somewhat", "emerging"), ("growing", "emerging"), ("a little", "emerging"),
            ("established", "established"), ("well known", "established"), ("not known", "new"), ("little known", "new"), ("everyone", "established"), ("leader", "established"), ("known", "established")));

    public static BasicQuestion Community { get; } = new(
        CommunityId,
        "Is there a community of your users you could reach (forums, groups, meetups)?",
        "If there is one, reaching out to it beats ads. Not sure is a fine answer.",
        [new("yes", "Yes"), new("no", "No"), new("unknown", "Not sure")],
        Ordered(
            ("yes", "yes"), ("y", "yes"), ("yep", "yes"), ("yeah", "yes"), ("there is", "yes"), ("we have one", "yes"),
            ("no", "no"), ("n", "no"), ("nope", "no"), ("none", "no"), ("there isn't", "no"),
            ("not sure", "unknown"), ("maybe", "unknown"), ("unsure", "unknown")));

    public static BasicQuestion? Find(string id) => id switch
    {
        AudienceId => Audience,
        AwarenessId => Awareness,
        CommunityId => Community,
        _ => null,
    };

    /// <summary>Records a matched choice value on the interview.</summary>
    public static InterviewState Apply(InterviewState interview, string questionId, string value) => questionId switch
    {
        AudienceId when FlywheelIds.TryParseAudience(value, out var audience) => interview with { Audience = audience },
        AwarenessId when FlywheelIds.TryParseAwareness(value, out var awareness) => interview with { Awareness = awareness },
        CommunityId when FlywheelIds.TryParseCommunity(value, out var community) => interview with { Community = community },
        _ => interview,
    };

    /// <summary>Forgets an answer (for <c>back</c>).</summary>
    public static InterviewState Clear(InterviewState interview, string questionId) => questionId switch
    {
        AudienceId => interview with { Audience = null },
        AwarenessId => interview with { Awareness = null },
        CommunityId => interview with { Community = null },
        DoingId => interview with { Doing = null },
        _ => interview with { Metrics = interview.Metrics.Remove(questionId) },
    };

    private static ImmutableArray<(string, string)> Ordered(params (string Word, string Value)[] words) =>
        [.. words.OrderByDescending(w => w.Word.Length)];
}
