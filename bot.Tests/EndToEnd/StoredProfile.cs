using System.Collections.Immutable;

namespace FlywheelBot.Tests.EndToEnd;

/// <summary>A stored team profile as the end-to-end tests read it.</summary>
internal sealed record StoredProfile(string ConversationKey, string Audience, string Awareness, ImmutableDictionary<string, decimal> Metrics);
