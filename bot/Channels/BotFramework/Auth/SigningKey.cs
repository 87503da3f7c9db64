using System.Collections.Immutable;
using Microsoft.IdentityModel.Tokens;

namespace FlywheelBot.Channels.BotFramework.Auth;

/// <summary>A published signing key and, when the publisher endorses keys per channel, its endorsements (else null).</summary>
internal sealed record SigningKey(SecurityKey Key, ImmutableArray<string>? Endorsements);
