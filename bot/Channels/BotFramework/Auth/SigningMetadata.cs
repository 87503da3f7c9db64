using System.Collections.Immutable;
using Microsoft.IdentityModel.Tokens;

namespace FlywheelBot.Channels.BotFramework.Auth;

/// <summary>
/// The signing keys published at one OpenID metadata address, by key id, with each key's <c>endorsements</c>
/// (the channels a Bot Framework key may sign for), read from the raw JWKS.
/// </summary>
internal sealed record SigningMetadata(
    ImmutableDictionary<string, SecurityKey> Keys,
    ImmutableDictionary<string, ImmutableArray<string>> Endorsements);
