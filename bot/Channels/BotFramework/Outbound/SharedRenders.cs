using System.Collections.Concurrent;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Outbound;

/// <summary>
/// The rendered form (plain-text summary and card JSON) of the views that are the same for every user: an interview
/// question as first asked (a re-ask's problem echoes the user's own text, so it is never kept). Every interview turn
/// shows one of a few dozen such questions (question x audience x whether "back" is offered), so each is rendered once
/// instead of on every turn. Views are records compared by value, so an equal view stands for equal output; at most
/// <see cref="Capacity"/> are kept, a bound on memory whatever the playbook: past it, views are rendered every time.
/// </summary>
internal sealed class SharedRenders
{
    /// <summary>The most renders kept (several times the questions of the default playbook).</summary>
    public const int Capacity = 512;

    private readonly ConcurrentDictionary<QuestionView, (string Summary, ReadOnlyMemory<byte> Card)> renders = new();
    private int count;

    /// <summary>How many renders are kept.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>The kept render of <paramref name="view"/> when it is one to share, else (and the first time) <paramref name="render"/>'s.</summary>
    public (string Summary, ReadOnlyMemory<byte> Card) Get(ViewModel view, Func<ViewModel, (string Summary, ReadOnlyMemory<byte> Card)> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (view is not QuestionView { Problem: null } question)
        {
            return render(view);
        }

        if (renders.TryGetValue(question, out var kept))
        {
            return kept;
        }

        var rendered = render(view);
        if (Count < Capacity && renders.TryAdd(question, rendered))
        {
            Interlocked.Increment(ref count);
        }

        return rendered;
    }
}
