namespace CaseBot.Storage.Rollups;

/// <summary>
/// A date range as rollup rows cover it: the whole months inside it (month rows) and the days left at either edge
/// (day rows). An empty part has its From after its To.
/// </summary>
public sealed record RollupSpan(DateOnly MonthsFrom, DateOnly MonthsTo, DateOnly HeadFrom, DateOnly HeadTo, DateOnly TailFrom, DateOnly TailTo)
{
    public static RollupSpan Of(DateOnly from, DateOnly to)
    {
        var firstWhole = from.Day == 1 ? from : MonthOf(from).AddMonths(1);
        var lastWholeEnd = to.AddDays(1).Day == 1 ? to : MonthOf(to).AddDays(-1);
        if (firstWhole > lastWholeEnd) return new(DateOnly.MaxValue, DateOnly.MinValue, from, to, DateOnly.MaxValue, DateOnly.MinValue);
        return new(firstWhole, MonthOf(lastWholeEnd), from, firstWhole.AddDays(-1), lastWholeEnd.AddDays(1), to);
    }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The non-empty parts: a grain and a range of bucket starts.</summary>
    public IEnumerable<(RollupGrain Grain, DateOnly From, DateOnly To)> Parts()
    {
        if (MonthsFrom <= MonthsTo) yield return (RollupGrain.Month, MonthsFrom, MonthsTo);
        if (HeadFrom <= HeadTo) yield return (RollupGrain.Day, HeadFrom, HeadTo);
        if (TailFrom <= TailTo) yield return (RollupGrain.Day, TailFrom, TailTo);
    }

    /// <summary>
    /// The rows of the area (kecamatan null: the kabupaten-level rows) in one part, as an index range: kabupaten,
    /// kecamatan and grain fixed, a range of starts. (One query with the parts OR-ed scans every grain's rows.)
    /// </summary>
    public static IQueryable<T> Rows<T>(IQueryable<T> rows, IReadOnlyCollection<string> kabupaten, string? kecamatan,
        (RollupGrain Grain, DateOnly From, DateOnly To) part) where T : class, IRollupRow
    {
        var (area, grain, from, to) = (kecamatan ?? IRollupRow.WholeKabupaten, part.Grain, part.From, part.To);
        return rows.Where(r => kabupaten.Contains(r.Kabupaten) && r.Kecamatan == area && r.Grain == grain && r.Start >= from && r.Start <= to);
    }
}
