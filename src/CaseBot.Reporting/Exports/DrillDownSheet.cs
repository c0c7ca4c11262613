using CaseBot.Domain.Entities;
using CaseBot.Reporting.Capaian;

namespace CaseBot.Reporting.Exports;

/// <summary>The "Rincian" sheet: for each capaian figure of the export, the reports behind it (what /rincian shows).</summary>
public static class DrillDownSheet
{
    public const string Name = "Rincian";

    public static async Task<Sheet> BuildAsync(DrillDown drillDown, ReportingPeriod period,
        IEnumerable<(RegionScope Scope, IReadOnlyList<IndicatorResult> Results)> areas, bool withNames, CancellationToken ct)
    {
        var rows = new List<object?[]>();
        foreach (var (scope, results) in areas)
            foreach (var result in results)
                foreach (var r in await drillDown.RowsAsync(result.Indicator, scope, period, withNames, ct))
                    rows.Add(
                    [
                        result.Indicator.ShortName, scope.Region.Name, period.Label, r.Number, r.Kecamatan,
                        r.Numerator, r.Denominator, r.VerifiedNumerator, r.VerifiedDenominator, State(r.State), r.Name,
                    ]);
        return new Sheet(Name,
            ["Indikator", "Wilayah", "Periode", "Nomor laporan", "Kecamatan", "Pembilang", "Penyebut", "Pembilang terverifikasi",
             "Penyebut terverifikasi", "Verifikasi", "Nama"], rows);
    }

    private static string State(VerificationState state) => state switch
    {
        VerificationState.Verified => "Terverifikasi",
        VerificationState.Returned => "Dikembalikan",
        _ => "Belum diverifikasi",
    };
}
