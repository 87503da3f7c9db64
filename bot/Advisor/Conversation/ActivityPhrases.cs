using System.Collections.Immutable;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>Words that name the playbook's activities ("linkedin ads", "lead scoring", "seo"), longest first.</summary>
internal sealed class ActivityPhrases
{
    private readonly ImmutableArray<(string Phrase, string ActivityId)> table;

    public ActivityPhrases(IEnumerable<(string Phrase, string ActivityId)> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        table = [.. phrases
            .Select(p => (Phrase: p.Phrase.Trim().ToLowerInvariant().Replace('-', ' '), p.ActivityId))
            .Where(p => p.Phrase.Length > 1)
            .DistinctBy(p => p.Phrase)
            .OrderByDescending(p => p.Phrase.Length)];
    }

    /// <summary>Every activity named in the text, in order of appearance, each once; a longer name wins over words inside it.</summary>
    public ImmutableArray<string> FindAll(string normalized)
    {
        var padded = $" {normalized.Replace('-', ' ').Replace(',', ' ').Replace('?', ' ').Replace('!', ' ').Replace('.', ' ')} ";
        var found = new List<(int At, string Id)>();
        var taken = new bool[padded.Length];
        foreach (var (phrase, id) in table)
        {
            var needle = $" {phrase} ";
            var at = padded.IndexOf(needle, StringComparison.Ordinal);
            while (at >= 0)
            {
                if (!taken.AsSpan(at + 1, phrase.Length).Contains(true))
                {
                    taken.AsSpan(at + 1, phrase.Length).Fill(true);
                    found.Add((at, id));
                }

                at = padded.IndexOf(needle, at + 1, StringComparison.Ordinal);
            }
        }

        return [.. found.OrderBy(f => f.At).Select(f => f.Id).Distinct()];
    }
}
