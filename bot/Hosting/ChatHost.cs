using FlywheelBot.Channels.Console;

namespace FlywheelBot.Hosting;

/// <summary>
/// Composes the terminal chat: the same features as the web host (flywheel, advisor, check-ins and their scheduler,
/// the shared conversation plumbing) with storage in this process's memory and the terminal as the one channel. Logs go
/// nowhere: the terminal shows the conversation only.
/// </summary>
internal static class ChatHost
{
    public static IHost Build(ChatRequest request, TextWriter output, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("Flywheel:PlaybookPath", request.PlaybookPath)]);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(clock);
        builder.Services.AddFlywheel();
        builder.Services.AddInProcessStorage();
        builder.Services.AddAdvisor();
        builder.Services.AddCheckIns();
        builder.Services.AddConsoleChannel(output, request.Settings with { TimeZone = request.Settings.TimeZone ?? IanaId(clock.LocalTimeZone) });
        return builder.Build();
    }

    /// <summary>The IANA id of the machine's zone (the check-in default, as Teams reports the user's), if it has one.</summary>
    private static string? IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
}
