using System.Collections.Concurrent;
using FlywheelBot.Conversations;

namespace FlywheelBot.Tests.Channels.Slack.Installations;

/// <summary>Remembers every <see cref="InstallationRemoved"/> notice.</summary>
internal sealed class RecordingRemovalListener : IInstallationRemovedListener
{
    public ConcurrentQueue<InstallationRemoved> Notices { get; } = new();

    public Task OnRemovedAsync(InstallationRemoved removed, CancellationToken cancellationToken)
    {
        Notices.Enqueue(removed);
        return Task.CompletedTask;
    }
}
