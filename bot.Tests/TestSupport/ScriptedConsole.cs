using System.Text;
using System.Threading.Channels;

namespace FlywheelBot.Tests.TestSupport;

/// <summary>
/// A terminal for tests: lines are typed with <see cref="Type"/> (read by the chat when it wants them), everything the
/// chat prints is collected, and a test can wait until a text appears (a message the chat prints on its own).
/// </summary>
internal sealed class ScriptedConsole : IDisposable
{
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();
    private readonly OutputWriter _output = new();

    public ScriptedConsole()
    {
        Input = new LineReader(_lines.Reader);
    }

    public TextReader Input { get; }

    public TextWriter Output => _output;

    public string Text => _output.Text;

    public void Type(params string[] lines)
    {
        foreach (var line in lines)
        {
            _lines.Writer.TryWrite(line);
        }
    }

    /// <summary>Ctrl+D: the end of input.</summary>
    public void EndInput() => _lines.Writer.TryComplete();

    /// <summary>Waits until the output holds <paramref name="text"/> <paramref name="times"/> times; fails after 30 s with the output so far.</summary>
    public async Task WaitForAsync(string text, int times = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var changed = _output.ChangedAsync(timeout.Token);
            if (Count(text) >= times)
            {
                return;
            }

            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"The chat never printed \"{text}\" ({times}x). It printed:\n{Text}");
            }

            await changed.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public int Count(string text)
    {
        var all = Text;
        var count = 0;
        for (var at = all.IndexOf(text, StringComparison.Ordinal); at >= 0; at = all.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public void Dispose()
    {
        Input.Dispose();
        _output.Dispose();
    }

    private sealed class LineReader(ChannelReader<string?> lines) : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await lines.ReadAsync(cancellationToken);
            }
            catch (ChannelClosedException)
            {
                return null;
            }
        }

        public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    private sealed class OutputWriter : TextWriter
    {
        private readonly Lock _gate = new();
        private readonly StringBuilder _text = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return _text.ToString();
                }
            }
        }

        public Task ChangedAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _changed.Task.WaitAsync(cancellationToken);
            }
        }

        public override void Write(char value) => Append(value.ToString());

        public override void Write(string? value) => Append(value ?? string.Empty);

        private void Append(string value)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                _text.Append(value);
                changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
        }
    }
}
