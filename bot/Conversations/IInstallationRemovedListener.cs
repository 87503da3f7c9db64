namespace FlywheelBot.Conversations;

/// <summary>
/// A feature that keeps work per conversation (check-ins) and must stop it when a channel loses its installation.
/// Channels raise it; they do not know who listens.
/// </summary>
public interface IInstallationRemovedListener
{
    Task OnRemovedAsync(InstallationRemoved removed, CancellationToken cancellationToken);
}
