namespace CaseBot.Domain.Text;

public sealed record FuzzyMatch(string Value, bool Exact);

/// <summary>Forgiving name matching for one-thumb typing: case, spaces, hyphens, one slip ("Malli" → Malili).</summary>
public static class FuzzyMatcher
{
    public static FuzzyMatch? Best(string input, IEnumerable<string> candidates)
    {
        var key = Key(input);
        if (key.Length == 0) return null;
        var list = candidates.Distinct().ToList();
        var exact = list.FirstOrDefault(c => Key(c) == key);
        if (exact is not null) return new FuzzyMatch(exact, true);

        var allowed = key.Length >= 8 ? 2 : 1;
        var near = list.Select(c => (Value: c, Distance: Distance(key, Key(c)))).Where(x => x.Distance <= allowed).ToList();
        if (near.Count > 0)
        {
            var best = near.Min(x => x.Distance);
            var winners = near.Where(x => x.Distance == best).ToList();
            return winners.Count == 1 ? new FuzzyMatch(winners[0].Value, false) : null;
        }
        if (key.Length < 4) return null;
        var prefixed = list.Where(c => Key(c).StartsWith(key, StringComparison.Ordinal)).ToList();
        return prefixed.Count == 1 ? new FuzzyMatch(prefixed[0], false) : null;
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
