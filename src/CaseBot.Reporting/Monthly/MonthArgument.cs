using System.Text.RegularExpressions;
using CaseBot.Domain.Text;

namespace CaseBot.Reporting.Monthly;

/// <summary>
/// The month an officer names for /laporanbulanan: "oktober", "okt 2026", "10/2026", "2026-10", "bulan lalu",
/// "bulan ini"; nothing = last month. A month without a year is the latest one not in the future ("oktober" typed in
/// March 2026 is Oktober 2025), since a monthly report is asked for a month that has passed.
/// </summary>
public static partial class MonthArgument
{
    private static readonly string[] Names =
        ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"];

    /// <summary>Spellings that are not a prefix of the month's name.</summary>
    private static readonly Dictionary<string, int> Abbreviations = new() { ["agt"] = 8, ["ags"] = 8, ["peb"] = 2, ["nop"] = 11 };

    public const string Examples = "Contoh: /laporanbulanan oktober 2026, /laporanbulanan okt, /laporanbulanan 10/2026, /laporanbulanan bulan lalu";

    /// <param name="Month">The first day of the month named, or null when the words name none.</param>
    /// <param name="Rest">The words left once the month is taken out (an area name, or what was not understood).</param>
    public sealed record Parsed(DateOnly? Month, string Rest);

    public static Parsed Parse(string? text, DateOnly today)
    {
        var t = InputParsers.Normalize(text);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (t.Length == 0) return new(lastMonth, "");
        if (Take(ref t, LastMonthPattern())) return new(lastMonth, t);
        if (Take(ref t, ThisMonthPattern())) return new(new DateOnly(today.Year, today.Month, 1), t);
        if (TakeMatch(ref t, IsoPattern()) is { } iso) return new(Month(iso.Groups["y"].Value, iso.Groups["m"].Value), t);
        if (TakeMatch(ref t, SlashPattern()) is { } slash) return new(Month(slash.Groups["y"].Value, slash.Groups["m"].Value), t);

        var words = t.Split(' ').ToList();
        var index = words.FindIndex(w => MonthNumber(w) is not null);
        if (index < 0) return new(null, t);
        var month = MonthNumber(words[index])!.Value;
        words.RemoveAt(index);
        int? year = null;
        if (index < words.Count && YearPattern().IsMatch(words[index]))
        {
            year = int.Parse(words[index]);
            words.RemoveAt(index);
        }
        year ??= month <= today.Month ? today.Year : today.Year - 1;
        return new(new DateOnly(year.Value, month, 1), string.Join(' ', words));
    }

    /// <summary>1-12 for "oktober", "okt", "sept", "agt", "novmber"; null for other words (at least three letters are needed).</summary>
    private static int? MonthNumber(string word)
    {
        word = word.Trim('.', ',');
        if (Abbreviations.TryGetValue(word, out var n)) return n;
        if (word.Length < 3) return null;
        var i = Array.FindIndex(Names, name => name.StartsWith(word, StringComparison.Ordinal));
        if (i >= 0) return i + 1;
        // A slip of the thumb in a full name ("novmber", "okotber"); short words stay exact, or "mei" could be anything.
        return word.Length >= 5 && FuzzyMatcher.Best(word, Names) is { } near ? Array.IndexOf(Names, near.Value) + 1 : null;
    }

    /// <summary>Null for "13/2026": the caller answers with the examples instead of guessing.</summary>
    private static DateOnly? Month(string year, string month) =>
        int.Parse(month) is var m and >= 1 and <= 12 ? new DateOnly(int.Parse(year), m, 1) : null;

    private static bool Take(ref string text, Regex pattern) => TakeMatch(ref text, pattern) is not null;

    private static Match? TakeMatch(ref string text, Regex pattern)
    {
        var match = pattern.Match(text);
        if (!match.Success) return null;
        text = InputParsers.Normalize(text.Remove(match.Index, match.Length));
        return match;
    }

    [GeneratedRegex(@"\bbulan (?:lalu|kemarin|sebelumnya)\b")]
    private static partial Regex LastMonthPattern();

    [GeneratedRegex(@"\bbulan ini\b")]
    private static partial Regex ThisMonthPattern();

    [GeneratedRegex(@"\b(?<y>20\d{2})-(?<m>\d{1,2})\b")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"\b(?<m>\d{1,2})[/\-.](?<y>20\d{2})\b")]
    private static partial Regex SlashPattern();

    [GeneratedRegex(@"^20\d{2}$")]
    private static partial Regex YearPattern();
}
