using System.ComponentModel.DataAnnotations;

namespace FlywheelBot.Advisor;

/// <summary>Settings under <c>Advisor</c>.</summary>
internal sealed class AdvisorOptions
{
    public const string Section = "Advisor";

    /// <summary>How long a saved profile answers "what should we do next" at once, in days.</summary>
    [Range(1, 365)]
    public int ProfileFreshDays { get; set; } = 30;

    /// <summary>Unreadable answers in a row before a question is skipped.</summary>
    [Range(1, 10)]
    public int MaxMisses { get; set; } = 3;
}
