using System.Globalization;
using CaseBot.Reporting.Capaian;

namespace CaseBot.Reporting.Commands;

/// <summary>
/// A drill-down named exactly, for buttons: "#spm-bencana@Luwu Timur@2024 h2". Periods are short ("2024", "2024q2",
/// "2024m11", "20240315", "240101-240415") so the button data stays under Telegram's 64 bytes (a test holds every
/// shipped indicator and region to it).
/// </summary>
public sealed record DrillDownKey(string IndicatorId, string Region, DateOnly From, DateOnly To, int Page = 1)
{
    public override string ToString() => $"#{IndicatorId}@{Region}@{Period(From, To)}" + (Page > 1 ? $" h{Page}" : "");

    public static DrillDownKey Of(IndicatorDefinition indicator, RegionScope scope, ReportingPeriod period, int page = 1) =>
        new(indicator.Id, scope.Region.Name, period.From, period.To, page);

    public static DrillDownKey? TryParse(string text)
    {
        if (!text.StartsWith('#')) return null;
        var (key, page) = (text, 1);
        var space = text.LastIndexOf(" h", StringComparison.Ordinal);
        if (space > 0 && int.TryParse(text[(space + 2)..], out var p)) (key, page) = (text[..space], p);
        var parts = key[1..].Split('@');
        return parts.Length == 3 && Period(parts[2]) is var (from, to)
            ? new DrillDownKey(parts[0], parts[1], from, to, Math.Max(1, page))
            : null;
    }

    private static string Period(DateOnly from, DateOnly to)
    {
        var whole = ReportingPeriod.FromRange(from, to);
        if (whole == ReportingPeriod.Year(from.Year)) return $"{from.Year}";
        if (from.Day == 1 && to == from.AddMonths(3).AddDays(-1) && from.Month % 3 == 1) return $"{from.Year}q{(from.Month + 2) / 3}";
        if (from.Day == 1 && to == from.AddMonths(1).AddDays(-1)) return $"{from.Year}m{from.Month}";
        return from == to ? Text(from, "yyyyMMdd") : $"{Text(from, "yyMMdd")}-{Text(to, "yyMMdd")}";
    }

    private static (DateOnly From, DateOnly To)? Period(string token)
    {
        if (token.Length == 4 && int.TryParse(token, out var year)) return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        if (token.Length > 5 && int.TryParse(token[..4], out year) && int.TryParse(token[5..], out var n))
        {
            if (token[4] == 'q' && n is >= 1 and <= 4) return Range(ReportingPeriod.Quarter(year, n));
            if (token[4] == 'm' && n is >= 1 and <= 12) return Range(ReportingPeriod.Month(year, n));
        }
        if (Date(token, "yyyyMMdd") is { } day) return (day, day);
        return token.Split('-') is [var a, var b] && Date(a, "yyMMdd") is { } f && Date(b, "yyMMdd") is { } t && f <= t ? (f, t) : null;
    }

    private static (DateOnly, DateOnly) Range(ReportingPeriod p) => (p.From, p.To);

    private static string Text(DateOnly d, string format) => d.ToString(format, CultureInfo.InvariantCulture);

    private static DateOnly? Date(string s, string format) =>
        s.Length == format.Length && DateOnly.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
