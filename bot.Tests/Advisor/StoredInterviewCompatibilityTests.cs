using System.Text.Json;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Advisor;

/// <summary>
/// A conversation stored before the interview asked what the team does now (and before rates were worked out) loads
/// and carries on: the visitor-to-lead question it was on is now worked out from the two counts, so the interview moves
/// on, and the question what the team does now comes once, last.
/// </summary>
public sealed class StoredInterviewCompatibilityTests
{
    // As the bot stored it before: no "doing", and the pending question was visitor to lead.
    private const string Stored = """
        {
          "mode": "Interview",
          "interview": {
            "audience": "Sdm",
            "awareness": "Emerging",
            "metrics": { "monthly_visitors": 5000, "share_of_voice_pct": 12, "inbound_conversations": 40, "leads": 200 },
            "history": ["audience", "awareness", "monthly_visitors", "share_of_voice_pct", "inbound_conversations", "leads"],
            "skipped": [],
            "gaveUp": [],
            "misses": 0
          },
          "tour": { "checked": [] },
          "updatedAt": "2026-11-30T10:00:00+00:00"
        }
        """;

    [Fact]
    public void A_stored_interview_from_before_loads_and_continues_to_the_advice()
    {
        var state = JsonSerializer.Deserialize(Stored, AdvisorJsonContext.Default.ConversationState)!;
        Assert.Null(state.Interview!.Doing);
        var chat = new ScriptedChat { State = state };

        chat.Say("start");

        Assert.Equal("lead_to_customer_pct", chat.Question.QuestionId);
        var asked = chat.AnswerAll(Answers.Profile("sdm", "emerging"));
        Assert.Equal("doing", asked[^1].QuestionId);
        Assert.Single(asked, q => q.QuestionId == "doing");
        var diagnosis = chat.LastResult.Completed!;
        Assert.Equal(4m, diagnosis.Input.Metrics["visitor_to_lead_pct"]);
        Assert.Contains("visitor_to_lead_pct", diagnosis.Derived);
        chat.Last<RecommendationView>();
    }
}
