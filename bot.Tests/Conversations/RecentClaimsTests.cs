using FlywheelBot.Conversations.Plumbing;

namespace FlywheelBot.Tests.Conversations;

/// <summary>The claims an instance remembers storing: until their expiry, forgotten on release, and bounded.</summary>
public sealed class RecentClaimsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_remembered_claim_counts_until_its_expiry_and_not_after_it_is_forgotten()
    {
        var claims = new RecentClaims();
        claims.Remember("msteams:c1:a1", Now.AddDays(7));
        claims.Remember("msteams:c1:a2", Now.AddMinutes(1));

        Assert.True(claims.Contains("msteams:c1:a1", Now));
        Assert.True(claims.Contains("msteams:c1:a2", Now));
        Assert.False(claims.Contains("msteams:c1:a2", Now.AddMinutes(1)));
        Assert.False(claims.Contains("msteams:c1:a3", Now));

        claims.Forget("msteams:c1:a1");

        Assert.False(claims.Contains("msteams:c1:a1", Now));
    }

    [Fact]
    public void Memory_stays_bounded_and_the_latest_claims_are_kept()
    {
        var claims = new RecentClaims(capacity: 100);
        for (var i = 0; i < 10_000; i++)
        {
            claims.Remember($"k{i}", Now.AddDays(1));
        }

        Assert.InRange(claims.Count, 1, 100);
        Assert.All(Enumerable.Range(9_950, 50), i => Assert.True(claims.Contains($"k{i}", Now), $"k{i}"));
        Assert.False(claims.Contains("k0", Now));
    }
}
