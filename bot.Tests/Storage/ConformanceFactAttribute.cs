using Xunit.Sdk;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// A fact declared once in an abstract conformance suite and run by each provider's subclass; it is skipped (locally)
/// in a subclass marked <see cref="RequiresPostgresAttribute"/> when the PostgreSQL peer is missing.
/// </summary>
[XunitTestCaseDiscoverer("FlywheelBot.Tests.Storage.ConformanceFactDiscoverer", "FlywheelBot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceFactAttribute : FactAttribute;
