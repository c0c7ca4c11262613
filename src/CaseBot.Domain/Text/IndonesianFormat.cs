using System.Globalization;
using Humanizer;

namespace CaseBot.Domain.Text;

/// <summary>Numbers, percentages and dates the way Indonesian readers write them: 1.234 · 82,3% · 12 Maret 2024.</summary>
public static class IndonesianFormat
{
    /// <summary>Built by hand so output never depends on the machine's ICU data.</summary>
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberGroupSizes = [3], NegativeSign = "-",
    };

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id");

    public static string Number(long n) => n.ToString("#,0", Numbers);

    public static string Number(decimal d) => d.ToString("#,0.##", Numbers);

    public static string Percent(decimal p) => Number(p) + "%";

    public static string MonthName(int month) => Months[month - 1];

    public static string Date(DateOnly d) => $"{d.Day} {MonthName(d.Month)} {d.Year}";

    public static string DateTime(DateTimeOffset t) => $"{Date(DateOnly.FromDateTime(t.DateTime))} {t:HH.mm}";

    /// <summary>"3 jam yang lalu", "kemarin": Humanizer's Indonesian resources.</summary>
    public static string Relative(DateTimeOffset then, DateTimeOffset now) =>
        then.UtcDateTime.Humanize(utcDate: true, dateToCompareAgainst: now.UtcDateTime, culture: Indonesian);
}
