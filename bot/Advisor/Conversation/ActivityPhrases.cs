using System.Collections.Immutable;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>Words that name the playbook's activities ("linkedin ads", "lead scoring", "seo"), longest first.</summary>
internal sealed class ActivityPhrases
{
    // Each phrase with the spaces around it that make it a whole-word needle, made once: every message is searched.
    private readonly ImmutableArray<(string Needle, string ActivityId)> table;

    public ActivityPhrases(IEnumerable<(string Phrase, string ActivityId)> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        table = [.. phrases
            .Select(p => (Phrase: p.Phrase.Trim().ToLowerInvariant().Replace('-', ' '), p.ActivityId))
            .Where(p => p.Phrase.Length > 1)
            .DistinctBy(p => p.Phrase)
            .OrderByDescending(p => p.Phrase.Length)
            .Select(p => ($" {p.Phrase} ", p.ActivityId))];
    }

    /// <summary>Every activity named in the text, in order of appearance, each once; a longer name wins over words inside it.</summary>
    public ImmutableArray<string> FindAll(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var padded = Padded(normalized);
        List<(int At, string Id)>? found = null;
        bool[]? taken = null;
        foreach (var (needle, id) in table)
        {
            var at = padded.IndexOf(needle, StringComparison.Ordinal);
            while (at >= 0)
            {
                var length = needle.Length - 2;
                taken ??= new bool[padded.Length];
                if (!taken.AsSpan(at + 1, length).Contains(true))
                {
                    taken.AsSpan(at + 1, length).Fill(true);
                    (found ??= []).Add((at, id));
                }

                at = padded.IndexOf(needle, at + 1, StringComparison.Ordinal);
            }
        }

        return found is null ? [] : [.. found.OrderBy(f => f.At).Select(f => f.Id).Distinct()];
    }

    /// <summary>The text between two spaces with the punctuation that may touch a name (- , ? ! .) made spaces, in one copy.</summary>
    private static string Padded(string normalized) => string.Create(normalized.Length + 2, normalized, static (span, text) =>
    {
        span[0] = ' ';
        span[^1] = ' ';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            span[i + 1] = c is '-' or ',' or '?' or '!' or '.' ? ' ' : c;
        }
    });
}
