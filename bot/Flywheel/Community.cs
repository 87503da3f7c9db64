namespace FlywheelBot.Flywheel;

/// <summary>Whether a community of the product's end users exists. Wire ids: <c>yes</c>, <c>no</c>, <c>unknown</c>.</summary>
public enum Community
{
    Unknown,
    Yes,
    No,
}
