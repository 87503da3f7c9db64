using FlywheelBot.Channels.Slack.Installations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Channels.Slack.Installations;

public sealed class OAuthStateCodecTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _keys = new();

    [Fact]
    public void A_fresh_state_with_its_own_cookie_is_valid()
    {
        var codec = new OAuthStateCodec(_keys, _clock);
        var issued = codec.Issue();

        var check = codec.Check(issued.State, issued.CookieValue);

        Assert.Equal(OAuthStateVerdict.Valid, check.Verdict);
        Assert.Equal(issued.CookieValue, check.Nonce);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(10), check.ExpiresAt);
        Assert.Equal(issued.ExpiresAt, check.ExpiresAt);
    }

    [Fact]
    public void Every_state_is_different_and_does_not_show_its_nonce()
    {
        var codec = new OAuthStateCodec(_keys, _clock);
        var a = codec.Issue();
        var b = codec.Issue();

        Assert.NotEqual(a.State, b.State);
        Assert.NotEqual(a.CookieValue, b.CookieValue);
        Assert.Equal(32, a.CookieValue.Length);
        Assert.DoesNotContain(a.CookieValue, a.State, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9 * 60 + 59, OAuthStateVerdict.Valid)]
    [InlineData(10 * 60, OAuthStateVerdict.Expired)]
    [InlineData(3 * 60 * 60, OAuthStateVerdict.Expired)]
    public void A_state_lives_ten_minutes(int secondsLater, OAuthStateVerdict expected)
    {
        var codec = new OAuthStateCodec(_keys, _clock);
        var issued = codec.Issue();

        _clock.Advance(TimeSpan.FromSeconds(secondsLater));

        Assert.Equal(expected, codec.Check(issued.State, issued.CookieValue).Verdict);
    }

    [Fact]
    public void A_state_dated_in_the_future_is_refused_as_expired()
    {
        var issuedLater = new OAuthStateCodec(_keys, new FakeTimeProvider(_clock.GetUtcNow() + TimeSpan.FromHours(1))).Issue();

        Assert.Equal(OAuthStateVerdict.Expired, new OAuthStateCodec(_keys, _clock).Check(issuedLater.State, issuedLater.CookieValue).Verdict);
    }

    [Fact]
    public void The_state_is_bound_to_the_cookie_of_the_browser_that_started()
    {
        var codec = new OAuthStateCodec(_keys, _clock);
        var mine = codec.Issue();
        var someoneElses = codec.Issue();

        Assert.Equal(OAuthStateVerdict.OtherBrowser, codec.Check(mine.State, cookie: null).Verdict);
        Assert.Equal(OAuthStateVerdict.OtherBrowser, codec.Check(mine.State, someoneElses.CookieValue).Verdict);
        Assert.Equal(OAuthStateVerdict.OtherBrowser, codec.Check(mine.State, mine.CookieValue.ToUpperInvariant()).Verdict);
        Assert.Equal(OAuthStateVerdict.OtherBrowser, codec.Check(mine.State, string.Empty).Verdict);
    }

    [Fact]
    public void A_state_from_another_key_ring_is_forged()
    {
        var strangers = new OAuthStateCodec(new EphemeralDataProtectionProvider(), _clock).Issue();

        Assert.Equal(OAuthStateVerdict.Forged, new OAuthStateCodec(_keys, _clock).Check(strangers.State, strangers.CookieValue).Verdict);
    }

    [Fact]
    public void A_state_protected_for_another_purpose_is_forged()
    {
        var other = _keys.CreateProtector("FlywheelBot.Slack.Installations.Tokens.v1").Protect($"v1:{new string('a', 32)}:{_clock.GetUtcNow().ToUnixTimeMilliseconds()}");

        Assert.Equal(OAuthStateVerdict.Forged, new OAuthStateCodec(_keys, _clock).Check(other, new string('a', 32)).Verdict);
    }

    [Fact]
    public void Any_altered_character_makes_the_state_forged()
    {
        var codec = new OAuthStateCodec(_keys, _clock);
        var issued = codec.Issue();
        for (var i = 0; i < issued.State.Length; i += 7)
        {
            var chars = issued.State.ToCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';

            Assert.Equal(OAuthStateVerdict.Forged, codec.Check(new string(chars), issued.CookieValue).Verdict);
        }
    }

    [Theory]
    [InlineData("not-a-state")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJub3ciOiIyMDI2In0.c2lnbmF0dXJl")]
    [InlineData("CfDJ8")]
    public void Garbage_is_forged(string state) =>
        Assert.Equal(OAuthStateVerdict.Forged, new OAuthStateCodec(_keys, _clock).Check(state, "whatever").Verdict);

    [Fact]
    public void A_well_signed_payload_of_the_wrong_shape_is_forged()
    {
        var protector = _keys.CreateProtector(OAuthStateCodec.Purpose);

        Assert.Equal(OAuthStateVerdict.Forged, new OAuthStateCodec(_keys, _clock).Check(protector.Protect("v2:abc:1"), "abc").Verdict);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_state_is_missing(string? state) =>
        Assert.Equal(OAuthStateVerdict.Missing, new OAuthStateCodec(_keys, _clock).Check(state, "cookie").Verdict);
}
