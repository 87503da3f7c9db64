using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using FlywheelBot.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace FlywheelBot.Tests.Hosting;

/// <summary>
/// OpenTelemetry is on only with <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>; the bot's counters count turns and
/// advice; and nothing the user typed ends up in a span tag or a metric tag.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private const string Secret = "zebra-marmalade-7731";

    private readonly string _directory = Directory.CreateTempSubdirectory("flywheel-otel-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Dictionary<string, string?> Settings(string? connectionString) => new()
    {
        ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "bot.db")}",
        ["CheckIns:Enabled"] = "false",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = connectionString,
    };

    [Fact]
    public async Task Without_a_connection_string_no_tracer_is_registered()
    {
        await using var host = BotFrameworkHost.WithRealServices("Development", Settings(null));

        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_a_connection_string_turns_are_traced_and_counted_without_the_users_words()
    {
        var tags = new ConcurrentQueue<string>();
        var spans = new ConcurrentQueue<string>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                spans.Enqueue(activity.OperationName);
                foreach (var tag in activity.TagObjects)
                {
                    tags.Enqueue($"{tag.Key}={tag.Value}");
                }

                tags.Enqueue(activity.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(activities);
        var counted = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BotMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, measurementTags, _) =>
        {
            counted.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            foreach (var tag in measurementTags)
            {
                tags.Enqueue($"{tag.Key}={tag.Value}");
            }
        });
        meters.Start();

        // An ingestion endpoint nothing listens on: the exporter runs, nothing leaves the machine.
        await using var host = BotFrameworkHost.WithRealServices(
            "Development", Settings($"InstrumentationKey={Guid.NewGuid()};IngestionEndpoint={LoopbackServer.ClosedPortUrl()}/"));
        var conversation = "otel-" + Guid.NewGuid().ToString("N");
        var message = BotFrameworkHost.Message(conversation, $"my secret word is {Secret}", "http://127.0.0.1:9/");
        message["deliveryMode"] = "expectReplies";
        using var response = await host.PostAsync(message);

        Assert.True(response.IsSuccessStatusCode);
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        // The server span stops when the hosting layer disposes the request, which may come just after the client has the
        // whole response: wait for that event (bounded) rather than assume it already happened.
        for (var i = 0; i < 100 && !spans.Contains("Microsoft.AspNetCore.Hosting.HttpRequestIn"); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains("Microsoft.AspNetCore.Hosting.HttpRequestIn", spans);
        Assert.True(counted.GetValueOrDefault("flywheel.turns") >= 1, string.Join(", ", counted));
        Assert.DoesNotContain(tags, tag => tag.Contains(Secret, StringComparison.Ordinal) || tag.Contains("marmalade", StringComparison.Ordinal));
    }
}
