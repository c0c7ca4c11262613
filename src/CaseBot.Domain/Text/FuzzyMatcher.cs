namespace CaseBot.Domain.Text;

public sealed record FuzzyMatch(string Value, bool Exact);

/// <summary>Forgiving name matching for one-thumb typing: case, spaces, hyphens, one slip ("Malli" → Malili).</summary>
public static class FuzzyMatcher
{
    public static FuzzyMatch? Best(string input, IEnumerable<string> candidates)
    {
        var key = Key(input);
        if (key.Length == 0) return null;
        var keyed = candidates.Distinct().Select(c => (Value: c, Key: Key(c))).ToList();
        if (keyed.FindIndex(c => c.Key == key) is var exact and >= 0) return new FuzzyMatch(keyed[exact].Value, true);

        var allowed = key.Length >= 8 ? 2 : 1;
        // Names whose lengths differ by more than the slips allowed are that many edits apart at least: not measured.
        var near = keyed.Where(c => Math.Abs(c.Key.Length - key.Length) <= allowed)
            .Select(c => (c.Value, Distance: Distance(key, c.Key))).Where(x => x.Distance <= allowed).ToList();
        if (near.Count > 0)
        {
            var best = near.Min(x => x.Distance);
            var winners = near.Where(x => x.Distance == best).ToList();
            return winners.Count == 1 ? new FuzzyMatch(winners[0].Value, false) : null;
        }
        if (key.Length < 4) return null;
        var prefixed = keyed.Where(c => c.Key.StartsWith(key, StringComparison.Ordinal)).ToList();
        return prefixed.Count == 1 ? new FuzzyMatch(prefixed[0].Value, false) : null;
    }

    private static string Key(string s) =>
        new(InputParsers.Normalize(s).Where(c => c is not (' ' or '-' or '.' or '\'')).ToArray());

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
