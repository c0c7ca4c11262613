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

    /// <summary>The rows of the area (kecamatan null: the kabupaten-level rows) that together cover the range once.</summary>
    public IQueryable<T> Rows<T>(IQueryable<T> rows, IReadOnlyCollection<string> kabupaten, string? kecamatan) where T : class, IRollupRow
    {
        var (area, mf, mt, hf, ht, tf, tt) = (kecamatan ?? IRollupRow.WholeKabupaten, MonthsFrom, MonthsTo, HeadFrom, HeadTo, TailFrom, TailTo);
        return rows.Where(r => kabupaten.Contains(r.Kabupaten) && r.Kecamatan == area
                               && (r.Grain == RollupGrain.Month && r.Start >= mf && r.Start <= mt
                                   || r.Grain == RollupGrain.Day && (r.Start >= hf && r.Start <= ht || r.Start >= tf && r.Start <= tt)));
    }
}
