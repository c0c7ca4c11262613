using CaseBot.Reporting.Capaian;

namespace CaseBot.Reporting.Exports;

/// <summary>The "Capaian" sheet, laid out like the LKj indicator tables: indicator, target, realisasi, capaian %, band;
/// then the provisional figures (including reports not yet verified) and how many reports wait.</summary>
public static class CapaianSheet
{
    public const string Name = "Capaian";

    public static Sheet Build(ReportingPeriod period, IEnumerable<(RegionScope Scope, IReadOnlyList<IndicatorResult> Results)> areas)
    {
        var rows = new List<object?[]>();
        foreach (var (scope, results) in areas)
            foreach (var r in results)
                rows.Add(
                [
                    rows.Count + 1, r.Indicator.Name, scope.Region.Name, period.Label,
                    r.Indicator.Kind == IndicatorKind.Percentage ? "%" : r.Indicator.Unit,
                    r.Target, r.Realisasi, r.Numerator, r.Denominator, r.Capaian,
                    r.Band is { } band ? CapaianMath.BandName(band) : r.Target is null ? "Target belum ditetapkan" : "Belum ada data",
                    r.CountUnverified ? "Termasuk belum diverifikasi" : "Terverifikasi",
                    r.CountUnverified ? r.Realisasi : r.OtherRealisasi, r.Figures.Provisional.Numerator, r.Figures.Provisional.Denominator, r.Unverified,
                ]);
        return new Sheet(Name,
            ["No", "Indikator", "Wilayah", "Periode", "Satuan", "Target", "Realisasi", "Pembilang", "Penyebut", "Capaian (%)", "Kategori",
             "Dasar angka", "Realisasi sementara", "Pembilang sementara", "Penyebut sementara", "Laporan belum diverifikasi"], rows);
    }
}
