using FlywheelBot.Bench;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Storage;
using FlywheelBot.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlywheelBot.Tests.Bench;

/// <summary>
/// The bench's PostgreSQL floor (<see cref="StoreFloor"/>) against the real server: it must send what a later interview
/// turn sends (the claim, the dialog state on its version, the profile checked), and count a commit that stores
/// nothing as an error, or its rate would be the rate of something cheaper than a turn's commit.
/// </summary>
public sealed class StoreFloorTests : IAsyncLifetime
{
    private const int Turns = 13;

    private PostgresTestSchema? _schema;
    private PostgresDocumentStore? _store;

    public async Task InitializeAsync()
    {
        if (PostgresPeer.ConnectionString is not null)
        {
            _schema = await PostgresTestSchema.CreateAsync("fw_floor");
            _store = new PostgresDocumentStore(_schema.ConnectionString, TimeProvider.System, NullLogger<PostgresDocumentStore>.Instance);
            await _store.MigrateAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task Every_turn_of_every_conversation_commits_its_state_on_its_version_with_its_own_claim()
    {
        var conversations = await StoreFloor.SeedAsync(_store!, 5, "t");

        var commits = await StoreFloor.RunCommitsAsync(_store!, conversations, Turns, connections: 3);

        Assert.Equal((5 * Turns, 0), (commits.Requests, commits.Errors));
        foreach (var conversation in conversations)
        {
            var dialog = await _store!.GetAsync("dialogs", conversation.Dialog, CancellationToken.None);
            Assert.Equal((1 + Turns, 1 + Turns), (dialog!.Version, conversation.DialogVersion));
            Assert.Equal(StoreFloor.DialogChars, dialog.Json.Length);
            Assert.Equal(Turns, (await _store.ListAsync(TurnDeduplicator.Collection, $"msteams:{conversation.Dialog}:", 100, CancellationToken.None)).Count);
        }
    }

    [PostgresFact]
    public async Task A_commit_whose_profile_moved_on_stores_nothing_and_counts_as_an_error()
    {
        var conversations = await StoreFloor.SeedAsync(_store!, 2, "t");
        var moved = conversations[1];
        await _store!.PutAsync(new DocumentWrite("profiles", moved.Profile, StoreFloor.Json(StoreFloor.ProfileChars), ExpectedVersion: moved.ProfileVersion), CancellationToken.None);

        var commits = await StoreFloor.RunCommitsAsync(_store, conversations, Turns, connections: 2);

        Assert.Equal(1, commits.Errors);
        Assert.Equal(1, (await _store.GetAsync("dialogs", moved.Dialog, CancellationToken.None))!.Version);
        Assert.Empty(await _store.ListAsync(TurnDeduplicator.Collection, $"msteams:{moved.Dialog}:", 100, CancellationToken.None));
        Assert.Equal(1 + Turns, (await _store.GetAsync("dialogs", conversations[0].Dialog, CancellationToken.None))!.Version);
    }

    [PostgresFact]
    public async Task The_plain_updates_write_each_dialog_row_once_per_turn()
    {
        var conversations = await StoreFloor.SeedAsync(_store!, 4, "t");
        await using var source = PostgresDataSource.Create(_schema!.ConnectionString, accessToken: null);

        var updates = await StoreFloor.RunPlainUpdatesAsync(source, conversations, Turns, connections: 2);

        Assert.Equal((4 * Turns, 0), (updates.Requests, updates.Errors));
        foreach (var conversation in conversations)
        {
            Assert.Equal(1 + Turns, (await _store!.GetAsync("dialogs", conversation.Dialog, CancellationToken.None))!.Version);
        }
    }

    [Fact]
    public void The_records_have_the_sizes_asked_for()
    {
        Assert.Equal(StoreFloor.ProfileChars, StoreFloor.Json(StoreFloor.ProfileChars).Length);
        Assert.Equal("{\"v\":\"xx\"}", StoreFloor.Json(10));
    }
}
