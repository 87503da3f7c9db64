using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;

namespace FlywheelBot.Tests.Storage;

/// <summary>The test double passes the same suite, so feature tests built on it see the real semantics.</summary>
public sealed class InMemoryDocumentStoreConformance : DocumentStoreConformance
{
    private IDocumentStore? _shared;

    protected override IDocumentStore CreateStore() => _shared ??= new InMemoryDocumentStore(Clock);
}
