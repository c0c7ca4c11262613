using System.Globalization;
using System.Text.RegularExpressions;
using CaseBot.Domain.Configuration;

namespace CaseBot.Domain.Text;

/// <summary>Reads numbers, dates and ages as people type them on a phone in Indonesian.</summary>
public static partial class InputParsers
{
    private const int MaxCount = 1_000_000_000;

    private static readonly Dictionary<string, int> MonthsByPrefix = new()
    {
        ["jan"] = 1, ["feb"] = 2, ["peb"] = 2, ["mar"] = 3, ["apr"] = 4, ["mei"] = 5, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["agu"] = 8, ["agt"] = 8, ["ags"] = 8, ["aug"] = 8, ["sep"] = 9, ["okt"] = 10, ["oct"] = 10,
        ["nov"] = 11, ["nop"] = 11, ["des"] = 12, ["dec"] = 12,
    };

    public static string Normalize(string? text) =>
        string.Join(' ', AsciiDigits(text ?? "").Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Other scripts' digits ("٣٤" from an Arabic keyboard) as 0-9: the patterns' \d matches them, int.Parse would not.</summary>
    private static string AsciiDigits(string s) =>
        s.Any(c => char.IsDigit(c) && !char.IsAsciiDigit(c))
            ? new string(s.Select(c => char.IsDigit(c) && !char.IsAsciiDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c).ToArray())
            : s;

    /// <summary>Whole numbers ≥ 0: "12", "1.234", "1 234", "12 jiwa", "nol".</summary>
    public static bool TryParseCount(string? text, out int value)
    {
        value = 0;
        var t = Normalize(text);
        if (t is "nol" or "tidak ada" or "tidak ada korban") return true;
        var m = CountPattern().Match(t);
        if (!m.Success) return false;
        var digits = m.Groups["n"].Value.Replace(".", "").Replace(" ", "");
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxCount) return false;
        value = (int)n;
        return true;
    }

    /// <summary>Counts as reporters write them: digits as <see cref="TryParseCount"/>, the vocabulary's zero words
    /// ("nihil", "tdk ada", "-") and number words ("dua", "seribu", "dua puluh tiga", "3 ribu", "seratus lima puluh org").</summary>
    public static bool TryParseCountWords(string? text, Vocabulary vocabulary, out int value)
    {
        if (TryParseCount(text, out value)) return true;
        var t = Normalize(text).Trim('.', '!', ',');
        if (t.Length == 0) return false;
        if (vocabulary.ZeroWords.Any(z => string.Equals(z, t, StringComparison.OrdinalIgnoreCase))) { value = 0; return true; }
        var words = t.Split(' ').ToList();
        while (words.Count > 1 && CountUnits.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        return TryReadNumberWords(words, vocabulary, out value);
    }

    private static readonly HashSet<string> CountUnits = ["jiwa", "orang", "org", "kk", "keluarga", "unit", "buah", "paket", "korban"];

    /// <summary>Indonesian number grammar over the vocabulary's words: "belas" adds ten, "puluh"/"ratus" multiply the
    /// pending digit, "ribu"/"juta" close a group; "se-" words (sepuluh, seratus, seribu) are vocabulary entries.</summary>
    private static bool TryReadNumberWords(IReadOnlyList<string> words, Vocabulary vocabulary, out int value)
    {
        value = 0;
        long total = 0, group = 0, pending = 0;
        var any = false;
        foreach (var word in words)
        {
            long n;
            if (long.TryParse(word.Replace(".", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var digits)) n = digits;
            else if (vocabulary.NumberWords.TryGetValue(word, out var w)) n = w;
            else return false;
            any = true;
            switch (word)
            {
                case "belas": group += (pending == 0 ? 1 : pending) + 10; pending = 0; break;
                case "puluh": group += (pending == 0 ? 1 : pending) * 10; pending = 0; break;
                case "ratus": group += (pending == 0 ? 1 : pending) * 100; pending = 0; break;
                case "ribu" or "juta":
                    total += (group + pending == 0 ? 1 : group + pending) * n; group = 0; pending = 0; break;
                default:
                    if (n >= 1000) { total += (group + pending) * n == 0 ? n : (group + pending) * n; group = 0; pending = 0; }
                    else if (n >= 100 && pending == 0 && group == 0) group += n;
                    else if (pending != 0) return false; // "dua tiga": two numbers, not one
                    else if (n >= 10) group += n;
                    else pending = n;
                    break;
            }
            if (total + group + pending > MaxCount) return false;
        }
        if (!any) return false;
        value = (int)(total + group + pending);
        return true;
    }

    /// <summary>A number written like a count or quantity but beyond what they accept (a thumb held on 0): the caller
    /// says it is too large, not that it is no number.</summary>
    public static bool TryParseHuge(string? text, out decimal value)
    {
        value = 0;
        var m = QuantityPattern().Match(Normalize(text));
        if (!m.Success) return false;
        var number = m.Groups["n"].Value.Replace(".", "").Replace(" ", "").Replace(',', '.');
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value > MaxCount;
    }

    /// <summary>Quantities &gt; 0 with a decimal comma: "2,5", "1.250,5", "1.234".</summary>
    public static bool TryParseQuantity(string? text, out decimal value)
    {
        value = 0;
        var m = QuantityPattern().Match(Normalize(text));
        if (!m.Success) return false;
        var number = m.Groups["n"].Value.Replace(".", "").Replace(" ", "").Replace(',', '.');
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q)) return false;
        if (q <= 0 || q > MaxCount) return false;
        value = q;
        return true;
    }

    /// <summary>"hari ini", "kemarin", "3 hari lalu", "12/03/2024", "12-3-24", "2024-03-12", "12 Maret 2024", "12 mar".</summary>
    public static bool TryParseDate(string? text, DateOnly today, out DateOnly date)
    {
        date = default;
        var t = Normalize(text);
        switch (t)
        {
            case "hari ini" or "hr ini" or "sekarang" or "tadi": date = today; return true;
            case "kemarin" or "kmrn" or "kemaren": date = today.AddDays(-1); return true;
            case "kemarin lusa" or "2 hari lalu": date = today.AddDays(-2); return true;
        }
        if (DaysAgoPattern().Match(t) is { Success: true } ago)
        {
            var days = int.Parse(ago.Groups[1].Value, CultureInfo.InvariantCulture);
            if (days > 3650) return false;
            date = today.AddDays(-days);
            return true;
        }
        if (IsoPattern().Match(t) is { Success: true } iso)
            return TryMake(iso.Groups[1].Value, iso.Groups[2].Value, iso.Groups[3].Value, today, out date);
        if (NumericPattern().Match(t) is { Success: true } num)
            return TryMake(num.Groups["y"].Success ? num.Groups["y"].Value : null, num.Groups["m"].Value, num.Groups["d"].Value, today, out date);
        if (WordPattern().Match(t) is { Success: true } word)
        {
            var name = word.Groups["m"].Value;
            var month = MonthsByPrefix.FirstOrDefault(p => name.StartsWith(p.Key, StringComparison.Ordinal)).Value;
            return month != 0 && TryMake(word.Groups["y"].Success ? word.Groups["y"].Value : null,
                month.ToString(CultureInfo.InvariantCulture), word.Groups["d"].Value, today, out date);
        }
        return false;
    }

    /// <summary>"45", "45 tahun", "45 thn", "8 bulan" (0), or a birth date.</summary>
    public static bool TryParseAge(string? text, DateOnly today, out int years)
    {
        years = 0;
        var t = Normalize(text);
        if (AgePattern().Match(t) is { Success: true } m)
        {
            var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var months = m.Groups[2].Value.StartsWith('b');
            years = months ? n / 12 : n;
            return years <= 130 && (!months || n < 1600);
        }
        if (!TryParseDate(t, today, out var born) || born > today) return false;
        years = today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0);
        return years <= 130;
    }

    private static bool TryMake(string? year, string month, string day, DateOnly today, out DateOnly date)
    {
        date = default;
        var y = year is null ? today.Year : int.Parse(year, CultureInfo.InvariantCulture);
        if (year is { Length: 2 }) y += 2000;
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (y is < 1900 or > 2100 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    [GeneratedRegex(@"^(?<n>\d{1,3}(?:[. ]\d{3})+|\d+)(?:\s*(?:jiwa|orang|org|kk|keluarga|unit|buah|paket))?$")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"^(?<n>(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?)(?:\s*[a-z]+)?$")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^(\d{1,4}) hari (?:yang )?lalu$")]
    private static partial Regex DaysAgoPattern();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?<d>\d{1,2})[/\-.](?<m>\d{1,2})(?:[/\-.](?<y>\d{4}|\d{2}))?$")]
    private static partial Regex NumericPattern();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s+(?<m>[a-z]{3,9})\.?(?:\s+(?<y>\d{4}))?$")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(\d{1,4})\s*(tahun|thn|th|bulan|bln)?$")]
    private static partial Regex AgePattern();
}
