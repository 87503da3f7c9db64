using System.Collections.Immutable;

namespace FlywheelBot.Tests.Advisor;

/// <summary>Typed answers a marketer might give, by question id, with the values they mean.</summary>
internal static class Answers
{
    /// <summary>Healthy numbers for every metric the interview may ask (typed in several styles).</summary>
    public static ImmutableDictionary<string, (string Typed, decimal Value)> Healthy { get; } = new Dictionary<string, (string, decimal)>
    {
        ["monthly_visitors"] = ("about 20k visitors", 20_000m),
        ["share_of_voice_pct"] = ("20%", 20m),
        ["inbound_conversations"] = ("40", 40m),
        ["leads"] = ("1,200", 1_200m),
        ["visitor_to_lead_pct"] = ("6%", 6m),
        ["lead_to_customer_pct"] = ("12.5 percent", 12.5m),
        ["activation_pct"] = ("45", 45m),
        ["monthly_churn_pct"] = ("1%", 1m),
        ["nps"] = ("45", 45m),
        ["referrals"] = ("12", 12m),
    }.ToImmutableDictionary();

    public static Func<string, string> Profile(string audience, string awareness, string community = "yes") => id => id switch
    {
        "audience" => audience,
        "awareness" => awareness,
        "community" => community,
        "doing" => "not sure",
        _ => Healthy[id].Typed,
    };
}
