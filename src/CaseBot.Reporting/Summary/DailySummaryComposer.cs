using CaseBot.Domain.Configuration;
using CaseBot.Reporting.Capaian;

namespace CaseBot.Reporting.Summary;

/// <summary>The finished daily summary: caption-sized text and the capaian chart.</summary>
/// <param name="Capaian">The year's figures in the text, with their area and period: each can be opened to its reports.</param>
public sealed record ComposedSummary(string Text, byte[] ChartPng, RegionScope Scope, ReportingPeriod Period, IReadOnlyList<IndicatorResult> Capaian);

/// <summary>Puts together the day's figures, the year's capaian and the chart for one area.</summary>
public sealed class DailySummaryComposer(DailySummaryQuery query, CapaianService capaian, SummaryOptions options)
{
    /// <param name="day">The local day summarised (the scheduler passes yesterday).</param>
    public async Task<ComposedSummary> ComposeAsync(Region area, DateOnly day, DateTimeOffset now, bool late, CancellationToken ct = default)
    {
        var data = await query.ComputeAsync(area, day, options.SilentDays, ct, now);
        var scope = RegionScope.Of(area);
        var period = ReportingPeriod.Year(day.Year);
        var results = await capaian.MeasureAsync(scope, period, ct: ct);
        var lines = results.Select(r => new CapaianLine(r.Indicator.ShortName, r.Capaian,
            r.Band is { } band ? CapaianMath.BandName(band) : r.Target is null ? "target belum ditetapkan" : "belum ada data",
            r.Unverified > 0 ? CapaianMath.Capaian(r.OtherRealisasi, r.Target) : null, r.Unverified)).ToList();
        var text = DailySummaryText.Format(data, lines, now, late);
        var chart = CapaianChart.RenderPng($"Capaian {period.Label} {scope.Name}", lines.Select(l => new ChartBar(l.Indicator, l.Capaian)).ToList());
        return new ComposedSummary(text, chart, scope, period, results);
    }
}
