namespace FlywheelBot.Tests.Storage;

/// <summary>Marks a test class whose <see cref="ConformanceFactAttribute"/> tests need the PostgreSQL peer.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgresAttribute : Attribute;
