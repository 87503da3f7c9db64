using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FlywheelBot.Tests.TestSupport;

/// <summary>
/// A bare generic host over a temporary content root with only the features a test names (their <c>AddXxx</c>) and
/// the settings it gives: proves a feature's registration and options without the web host.
/// </summary>
internal sealed class FeatureHost : IDisposable
{
    public FeatureHost(string prefix)
    {
        ContentRoot = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(ContentRoot);
    }

    public string ContentRoot { get; }

    public IHost Build(IEnumerable<(string Key, string Value)> settings, params Func<IServiceCollection, IServiceCollection>[] features)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = ContentRoot });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        foreach (var add in features)
        {
            add(builder.Services);
        }

        return builder.Build();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }
}
