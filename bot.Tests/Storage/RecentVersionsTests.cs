using FlywheelBot.Storage;

namespace FlywheelBot.Tests.Storage;

public sealed class RecentVersionsTests
{
    [Fact]
    public void A_remembered_value_comes_back_with_its_version()
    {
        var recent = new RecentVersions();
        var value = new Counter(3, "three");

        recent.Remember("dialogs", "k", 7, value);

        Assert.True(recent.TryGet<Counter>("dialogs", "k", out var found));
        Assert.Equal(new Versioned<Counter>(value, 7, false), found);
        Assert.False(recent.TryGet<Counter>("dialogs", "other", out _));
        Assert.False(recent.TryGet<Counter>("profiles", "k", out _));
    }

    [Fact]
    public void An_older_version_remembered_late_does_not_replace_a_newer_one()
    {
        // A read that started before a write and finishes after it must not bring back the stale value.
        var recent = new RecentVersions();
        recent.Remember("dialogs", "k", 5, new Counter(5, "new"));

        recent.Remember("dialogs", "k", 4, new Counter(4, "old"));

        Assert.True(recent.TryGet<Counter>("dialogs", "k", out var found));
        Assert.Equal(5, found.Version);
        Assert.Equal("new", found.Value!.Note);
    }

    [Fact]
    public void A_value_of_another_type_is_not_handed_out()
    {
        var recent = new RecentVersions();
        recent.Remember("dialogs", "k", 1, "a string");

        Assert.False(recent.TryGet<Counter>("dialogs", "k", out _));
    }

    [Fact]
    public void Forgetting_removes_the_record()
    {
        var recent = new RecentVersions();
        recent.Remember("dialogs", "k", 1, new Counter(1, "one"));

        recent.Forget("dialogs", "k");

        Assert.False(recent.TryGet<Counter>("dialogs", "k", out _));
    }

    [Fact]
    public void It_never_holds_more_than_its_capacity_however_many_records_pass_through()
    {
        var recent = new RecentVersions(capacity: 100);

        for (var i = 0; i < 10_000; i++)
        {
            recent.Remember("dialogs", $"k{i}", 1, new Counter(i, "n"));
            Assert.True(recent.Count <= 100, $"{recent.Count} records after {i + 1}");
        }

        Assert.True(recent.TryGet<Counter>("dialogs", "k9999", out _), "the newest record is kept");
    }

    [Fact]
    public void A_record_remembered_just_before_the_memory_fills_is_still_there_after_it_makes_room()
    {
        // A turn's claim remembers what it read; the commit right after must find it even if other turns filled the memory.
        var recent = new RecentVersions(capacity: 100);
        for (var i = 0; i < 49; i++)
        {
            recent.Remember("dialogs", $"k{i}", 1, new Counter(i, "n"));
        }

        recent.Remember("dialogs", "mine", 3, new Counter(3, "mine"));
        for (var i = 49; i < 90; i++)
        {
            recent.Remember("dialogs", $"k{i}", 1, new Counter(i, "n"));
        }

        Assert.True(recent.TryGet<Counter>("dialogs", "mine", out var found));
        Assert.Equal(3, found.Version);
        Assert.True(recent.Count <= 100);

        recent.Forget("dialogs", "mine");
        Assert.False(recent.Contains("dialogs", "mine"));
    }
}
