using CaseBot.Domain.Text;

namespace CaseBot.Reporting.Capaian;

/// <summary>An inclusive range of local dates with the words officers use for it ("triwulan II 2024").</summary>
public sealed record ReportingPeriod(DateOnly From, DateOnly To, string Label)
{
    /// <summary>Targets are yearly: a period is measured against the target of the year it ends in.</summary>
    public int TargetYear => To.Year;

    public static ReportingPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"tahun {year}");

    public static ReportingPeriod Quarter(int year, int quarter)
    {
        var from = new DateOnly(year, 3 * quarter - 2, 1);
        return new(from, from.AddMonths(3).AddDays(-1), $"triwulan {Roman(quarter)} {year}");
    }

    public static ReportingPeriod Month(int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        return new(from, from.AddMonths(1).AddDays(-1), $"{IndonesianFormat.MonthName(month)} {year}");
    }

    public static ReportingPeriod Day(DateOnly day) => new(day, day, IndonesianFormat.Date(day));

    public static ReportingPeriod Range(DateOnly from, DateOnly to) =>
        new(from, to, $"{IndonesianFormat.Date(from)} s.d. {IndonesianFormat.Date(to)}");

    /// <summary>A range named the way the reports name it when it is a whole year, quarter or month.</summary>
    public static ReportingPeriod FromRange(DateOnly from, DateOnly to)
    {
        if (from.Day == 1 && to == from.AddMonths(12).AddDays(-1) && from.Month == 1) return Year(from.Year);
        if (from.Day == 1 && to == from.AddMonths(3).AddDays(-1) && from.Month % 3 == 1) return Quarter(from.Year, (from.Month + 2) / 3);
        if (from.Day == 1 && to == from.AddMonths(1).AddDays(-1)) return Month(from.Year, from.Month);
        return from == to ? Day(from) : Range(from, to);
    }

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
