using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// Decides the next question from the answers so far: audience, awareness, community (end users only), then each
/// stage's deciding metrics in flywheel order, skipping what was already said or can be worked out (a rate from two
/// counts). It stops as soon as the bottleneck is clear: a <c>new</c> market (awareness first, whatever else) or the
/// first stage the engine finds weak, even halfway through that stage's metrics. Last, once, what the team does now.
/// </summary>
internal static class InterviewWalk
{
    private static readonly StageId[] Stages = Enum.GetValues<StageId>();

    /// <summary>The next question, or null when the interview is complete.</summary>
    public static InterviewStep? Next(InterviewState interview, IFlywheelGuide guide, ImmutableHashSet<string> doing)
    {
        foreach (var basic in Basics(interview))
        {
            if (!interview.IsResolved(basic.Id))
            {
                return new InterviewStep(basic.Id, basic, null, null);
            }
        }

        return NextMetric(interview, guide, doing) ?? DoingStep(interview, guide);
    }

    /// <summary>The basic questions that apply, in order (community only once the audience is end users).</summary>
    public static IEnumerable<BasicQuestion> Basics(InterviewState interview)
    {
        yield return BasicQuestions.Audience;
        yield return BasicQuestions.Awareness;
        if (interview.Audience == Audience.EndUser)
        {
            yield return BasicQuestions.Community;
        }
    }

    private static InterviewStep? NextMetric(InterviewState interview, IFlywheelGuide guide, ImmutableHashSet<string> doing)
    {
        if ((interview.Awareness ?? InterviewDefaults.Awareness) == MarketAwareness.New)
        {
            return null;
        }

        var audience = interview.Audience ?? InterviewDefaults.Audience;
        var derivable = guide.Derivable(interview.Metrics);

        // The answers do not change during the walk: the stages are assessed once, and the walk stops at the first weak one.
        var weak = guide.FirstWeakStage(interview.ToInput(doing));
        foreach (var stage in Stages)
        {
            if (stage == weak)
            {
                return null;
            }

            foreach (var metric in guide.DecidingMetrics(audience, stage))
            {
                if (!interview.IsResolved(metric.Id) && !derivable.Contains(metric.Id))
                {
                    return new InterviewStep(metric.Id, null, metric, stage);
                }
            }
        }

        return null;
    }

    private static InterviewStep? DoingStep(InterviewState interview, IFlywheelGuide guide)
    {
        if (interview.IsResolved(BasicQuestions.DoingId))
        {
            return null;
        }

        var question = guide.DoingQuestion(interview.Audience ?? InterviewDefaults.Audience);
        return new InterviewStep(question.Id, question, null, null);
    }
}
