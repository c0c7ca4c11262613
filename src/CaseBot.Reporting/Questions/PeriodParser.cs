using System.Text.RegularExpressions;
using CaseBot.Domain.Text;
using CaseBot.Reporting.Capaian;

namespace CaseBot.Reporting.Questions;

/// <summary>Finds the period in an officer's words: tahun ini, triwulan 2, bulan ini, Maret, 2024, a date range.</summary>
public static partial class PeriodParser
{
    private static readonly string[] MonthNames =
        ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"];

    /// <summary>Whether the words name a period at all ("kemarin", "maret", "2024"), whatever today is.</summary>
    public static bool Mentions(string text) => Find(text, new DateOnly(2000, 6, 15)) is not null;

    /// <summary>The period named in <paramref name="text"/>, or null when none is (callers default to this year).</summary>
    public static ReportingPeriod? Find(string text, DateOnly today)
    {
        var t = InputParsers.Normalize(text);
        if (RangePattern().Match(t) is { Success: true } range
            && InputParsers.TryParseDate(range.Groups["a"].Value, today, out var a)
            && InputParsers.TryParseDate(range.Groups["b"].Value, today, out var b) && a <= b)
            return ReportingPeriod.Range(a, b);

        var year = YearPattern().Match(t) is { Success: true } y ? int.Parse(y.Groups[1].Value) : (int?)null;
        if (QuarterPattern().Match(t) is { Success: true } q)
            return ReportingPeriod.Quarter(year ?? today.Year, QuarterNumber(q.Groups[1].Value));
        if (t.Contains("triwulan ini") || t.Contains("kuartal ini"))
            return ReportingPeriod.Quarter(today.Year, (today.Month + 2) / 3);
        if (t.Contains("hari ini")) return ReportingPeriod.Day(today);
        if (t.Contains("minggu ini") || t.Contains("pekan ini")) return Week(today, "minggu ini");
        if (t.Contains("minggu lalu") || t.Contains("pekan lalu")) return Week(today.AddDays(-7), "minggu lalu");
        if (t.Contains("kemarin")) return ReportingPeriod.Day(today.AddDays(-1));
        if (t.Contains("bulan ini")) return ReportingPeriod.Month(today.Year, today.Month);
        if (t.Contains("bulan lalu")) { var m = today.AddMonths(-1); return ReportingPeriod.Month(m.Year, m.Month); }
        if (t.Contains("tahun lalu")) return ReportingPeriod.Year(today.Year - 1);
        for (var i = 0; i < MonthNames.Length; i++)
            if (Regex.IsMatch(t, $@"\b{MonthNames[i]}\b"))
                return ReportingPeriod.Month(year ?? today.Year, i + 1);
        if (year is not null) return ReportingPeriod.Year(year.Value);
        if (t.Contains("tahun ini")) return ReportingPeriod.Year(today.Year);
        return null;
    }

    /// <summary>
    /// The period words in <paramref name="text"/> when none of them is understood ("semester 1", "minggu depan"),
    /// so the answer can say so instead of silently using the default; null when a period is found or none is named.
    /// </summary>
    public static string? Unrecognised(string text, DateOnly today)
    {
        var t = InputParsers.Normalize(text);
        if (Find(t, today) is not null) return null;
        var m = PeriodWordPattern().Match(t);
        return m.Success ? m.Value.Trim().TrimEnd('.', ',', '?', '!') : null;
    }

    /// <summary>Monday to Sunday of the week holding <paramref name="day"/> (weeks start on Monday in Indonesia).</summary>
    private static ReportingPeriod Week(DateOnly day, string words)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var sunday = monday.AddDays(6);
        return new ReportingPeriod(monday, sunday, $"{words} ({IndonesianFormat.Date(monday)} s.d. {IndonesianFormat.Date(sunday)})");
    }

    private static int QuarterNumber(string s) => s switch
    {
        "1" or "i" or "satu" or "pertama" => 1,
        "2" or "ii" or "dua" or "kedua" => 2,
        "3" or "iii" or "tiga" or "ketiga" => 3,
        _ => 4,
    };

    [GeneratedRegex(@"(?<a>\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|\d{1,2} [a-z]+ \d{4})\s*(?:-|s\.?d\.?|sampai|hingga)\s*(?<b>\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|\d{1,2} [a-z]+ \d{4})")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"\b(?:minggu|pekan|semester|triwulan|kuartal|bulan|tahun|hari|tanggal|periode)\b(?:\s+[^\s]+)?")]
    private static partial Regex PeriodWordPattern();

    [GeneratedRegex(@"\b(20\d{2})\b")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"\b(?:triwulan|tw|kuartal|q)\s*-?\s*(1|2|3|4|iv|iii|ii|i|satu|dua|tiga|empat|pertama|kedua|ketiga|keempat)\b")]
    private static partial Regex QuarterPattern();
}
