using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Exports;

namespace CaseBot.Reporting.Monthly;

/// <summary>
/// The month's indicators laid out like the LKj tables (No, Sasaran/Indikator, Target, Realisasi, Capaian %), with
/// the verified figures in those columns and the provisional ones after them, so the sheet can be pasted into the
/// report as it stands and the waiting reports are still visible.
/// </summary>
public static class MonthlyReportSheet
{
    public const string Name = "Laporan Bulanan";

    public static readonly string[] Headers =
    [
        "No", "Sasaran/Indikator Kinerja", "Wilayah", "Periode", "Satuan", "Target", "Realisasi", "Capaian (%)", "Kategori",
        "Realisasi sementara", "Capaian sementara (%)", "Laporan belum diverifikasi", "Sumber target",
    ];

    public static Sheet Build(RegionScope scope, ReportingPeriod period, IReadOnlyList<IndicatorResult> results) =>
        new(Name, Headers, results.Select((r, i) => new object?[]
        {
            i + 1, r.Indicator.Name, scope.Region.Name, period.Label,
            r.Indicator.Kind == IndicatorKind.Percentage ? "%" : r.Indicator.Unit,
            r.Target, Verified(r), CapaianMath.Capaian(Verified(r), r.Target),
            CapaianMath.Capaian(Verified(r), r.Target) is { } c ? CapaianMath.BandName(CapaianMath.Band(c))
                : r.Target is null ? "Target belum ditetapkan" : "Belum ada data",
            Provisional(r), CapaianMath.Capaian(Provisional(r), r.Target), r.Unverified, r.Indicator.Source,
        }).ToList());

    /// <summary>The verified realisasi whichever figure leads (configuration may count unverified reports).</summary>
    private static decimal? Verified(IndicatorResult r) => r.CountUnverified ? r.OtherRealisasi : r.Realisasi;

    private static decimal? Provisional(IndicatorResult r) => r.CountUnverified ? r.Realisasi : r.OtherRealisasi;
}
