using System.Net;
using FlywheelBot.Files;
using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Files;

public sealed class ServedFilesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private WebApplicationFactory<Program> _host = null!;

    public Task InitializeAsync()
    {
        var store = new InMemoryDocumentStore(_clock);
        _host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Hosting:PublicUrl", "https://flywheel.example.net/");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IDocumentStore>();
                services.AddSingleton<IDocumentStore>(store);
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(_clock);
            });
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IServedFiles Files => _host.Services.GetRequiredService<IServedFiles>();

    [Fact]
    public async Task A_published_image_is_served_inline_with_its_type_under_the_public_url_until_it_expires()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        var link = await Files.PublishAsync(png, "image/png", "trend.png", TimeSpan.FromHours(1), CancellationToken.None);

        Assert.StartsWith("https://flywheel.example.net/api/files/", link.Url.ToString(), StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow().AddHours(1), link.ExpiresAt);
        using var client = _host.CreateClient();
        using (var response = await client.GetAsync(link.Url.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        }

        _clock.Advance(TimeSpan.FromMinutes(59));
        using (var stillThere = await client.GetAsync(link.Url.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        using var expired = await client.GetAsync(link.Url.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }

    [Fact]
    public async Task A_csv_is_an_attachment_with_its_file_name()
    {
        var link = await Files.PublishAsync("a,b\n1,2\n"u8.ToArray(), "text/csv", "flywheel history.csv", TimeSpan.FromDays(1), CancellationToken.None);

        using var client = _host.CreateClient();
        using var response = await client.GetAsync(link.Url.PathAndQuery);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("flywheel history.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("a,b\n1,2\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tokens_are_256_bit_random_and_unknown_or_malformed_ones_are_404()
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 20; i++)
        {
            var link = await Files.PublishAsync(new byte[] { 1 }, "image/png", "x.png", TimeSpan.FromMinutes(5), CancellationToken.None);
            Assert.Equal(43, link.Token.Length);
            Assert.True(tokens.Add(link.Token));
        }

        using var client = _host.CreateClient();
        var unknown = new string('A', 43);
        foreach (var path in new[] { $"/api/files/{unknown}", "/api/files/short", "/api/files/" + new string('!', 43), "/api/files/..%2F..%2Fetc" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
