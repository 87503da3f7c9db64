using System.Runtime.InteropServices;
using FlywheelBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Hosting;

public sealed class NativeHeapTrimTests
{
    [Fact]
    public void Trimming_gives_native_memory_freed_inside_the_heap_back_to_the_system()
    {
        if (!OperatingSystem.IsLinux())
        {
            // No glibc: nothing to call, and the service stays idle.
            Assert.False(NativeHeapTrim.IsSupported);
            Assert.False(NativeHeapTrim.TrimNow());
            return;
        }

        Assert.True(NativeHeapTrim.IsSupported, "Linux with glibc: malloc_trim must be found");

        // 48 MB in 8 KB blocks (below malloc's mmap threshold, so they live in a heap), every page written; then all
        // but the last are freed. The last one keeps the free space away from the heap's end, which malloc alone would
        // return: only a trim releases it.
        const int Block = 8192;
        var blocks = new nint[6144];
        var ones = Enumerable.Repeat((byte)1, Block).ToArray();
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(Block); // malloc
            Marshal.Copy(ones, 0, blocks[i], Block);
        }

        var kept = blocks[^1];
        for (var i = 0; i < blocks.Length - 1; i++)
        {
            Marshal.FreeHGlobal(blocks[i]);
        }

        var afterFree = ResidentAnonymousKb();
        Assert.True(NativeHeapTrim.TrimNow());
        var afterTrim = ResidentAnonymousKb();
        Marshal.FreeHGlobal(kept);

        Assert.True(afterFree - afterTrim > 32 * 1024, $"resident anonymous memory {afterFree} kB after free, {afterTrim} kB after the trim");
    }

    [Fact]
    public async Task It_trims_after_activity_and_leaves_an_idle_process_alone()
    {
        var clock = new FakeTimeProvider();
        long activity = 0;
        var trims = 0;
        using var service = new NativeHeapTrim(clock, () => Interlocked.Read(ref activity), () => { Interlocked.Increment(ref trims); return true; });
        await service.StartAsync(CancellationToken.None);

        // The service's loop starts in the background (BackgroundService), so the clock moves until it has looked once.
        await WaitFor(clock, () => Volatile.Read(ref trims) == 1); // the first look always trims (start-up freed plenty)
        Assert.Equal(1, Volatile.Read(ref trims));

        clock.Advance(NativeHeapTrim.Interval);
        clock.Advance(NativeHeapTrim.Interval);
        await Task.Delay(200);
        Assert.Equal(1, Volatile.Read(ref trims)); // nothing happened since: no trim

        Interlocked.Increment(ref activity);
        await WaitFor(clock, () => Volatile.Read(ref trims) == 2);
        await Task.Delay(100);
        Assert.Equal(2, Volatile.Read(ref trims)); // once per change of activity

        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void The_host_runs_it()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(TimeProvider.System);
        services.AddHostingOptions();
        using var provider = services.BuildServiceProvider();

        Assert.Contains(provider.GetServices<IHostedService>(), s => s is NativeHeapTrim);
    }

    /// <summary>Moves the fake clock one interval at a time until <paramref name="condition"/> holds.</summary>
    private static async Task WaitFor(FakeTimeProvider clock, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the service did not trim in time");
            clock.Advance(NativeHeapTrim.Interval);
            await Task.Delay(20);
        }
    }

    private static long ResidentAnonymousKb() =>
        long.Parse(File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
