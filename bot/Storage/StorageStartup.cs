using Microsoft.Extensions.Options;

namespace FlywheelBot.Storage;

/// <summary>
/// Applies schema migrations before the host starts serving. A store that cannot be opened stops start-up once,
/// with a message naming <c>Storage:ConnectionString</c> (not the connection string itself).
/// </summary>
internal sealed class StorageStartup(IDocumentStore store, IOptions<StorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store is not IStorageSchema schema)
        {
            return;
        }

        try
        {
            await schema.MigrateAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new StorageUnavailableException(
                $"Storage ({options.Value.Provider}) could not be opened or migrated with the configured Storage:ConnectionString: {exception.Message}",
                exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
