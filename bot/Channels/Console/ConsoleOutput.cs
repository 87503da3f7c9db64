using FlywheelBot.Views;

namespace FlywheelBot.Channels.Console;

/// <summary>
/// The terminal's one writer, shared by the turns the user types and the messages that arrive on their own (a due
/// check-in, a late reply): each view is printed whole, as plain text, and a message that arrives while the prompt
/// waits is printed on a line of its own with the prompt shown again after it.
/// </summary>
internal sealed class ConsoleOutput(TextWriter writer, ITextRenderer renderer)
{
    public const string PromptText = "> ";

    private readonly Lock _gate = new();
    private bool _atPrompt;

    public void Write(IEnumerable<ViewModel> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        lock (_gate)
        {
            foreach (var view in views)
            {
                WriteView(view);
            }

            writer.Flush();
        }
    }

    /// <summary>A message outside of a turn; interrupts a waiting prompt and shows it again.</summary>
    public void WriteUnprompted(ViewModel view)
    {
        lock (_gate)
        {
            if (_atPrompt)
            {
                writer.WriteLine();
            }

            WriteView(view);
            if (_atPrompt)
            {
                writer.Write(PromptText);
            }

            writer.Flush();
        }
    }

    public void Prompt()
    {
        lock (_gate)
        {
            writer.Write(PromptText);
            writer.Flush();
            _atPrompt = true;
        }
    }

    /// <summary>The user answered the prompt (or left): what follows starts on a fresh line.</summary>
    public void Answered(bool endOfInput)
    {
        lock (_gate)
        {
            _atPrompt = false;
            if (endOfInput)
            {
                writer.WriteLine();
                writer.Flush();
            }
        }
    }

    private void WriteView(ViewModel view)
    {
        writer.WriteLine(renderer.Render(view));
        writer.WriteLine();
    }
}
