using Xunit.Sdk;

namespace FlywheelBot.Tests.Storage;

/// <summary>The theory counterpart of <see cref="ConformanceFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("FlywheelBot.Tests.Storage.ConformanceTheoryDiscoverer", "FlywheelBot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceTheoryAttribute : TheoryAttribute;
