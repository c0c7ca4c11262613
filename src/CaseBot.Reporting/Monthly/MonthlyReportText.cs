using System.Text;
using CaseBot.Domain.Configuration;
using CaseBot.Domain.Text;
using CaseBot.Reporting.Capaian;

namespace CaseBot.Reporting.Monthly;

/// <summary>The monthly report as an Indonesian message: each indicator with its verified figure first and the
/// provisional one beside it, worded as /capaian words them so officers read both the same way.</summary>
public static class MonthlyReportText
{
    public static string Format(RegionScope scope, ReportingPeriod period, IReadOnlyList<IndicatorResult> results, bool late)
    {
        var text = new StringBuilder($"📊 Laporan Bulanan SPM — {period.Label}, {AreaName(scope.Region)}");
        if (late) text.Append("\n(terlambat dikirim: bot sempat tidak aktif pada tanggal 1)");
        if (results.Count == 0) return text.Append("\n\nBelum ada indikator dengan target untuk wilayah ini.").ToString();
        var n = 0;
        foreach (var r in results)
            text.Append($"\n\n{++n}. {r.Indicator.ShortName}\n{CapaianText.Realisasi(r)}\n{CapaianText.Target(r)}");
        var waiting = results.Max(r => r.Unverified);
        if (waiting > 0) text.Append("\n\n⏳ Angka sementara dapat berubah setelah laporan diverifikasi.");
        text.Append("\n\n📎 Tabel format LKj terlampir (xlsx).");
        return text.ToString();
    }

    /// <summary>"Provinsi Sulawesi Barat", "Kabupaten Luwu Timur", "Kec. Malili": the way the plans head their tables.</summary>
    public static string AreaName(Region region) => region.Level switch
    {
        RegionLevel.Provinsi => $"Provinsi {region.Name}",
        RegionLevel.Kabupaten => $"Kabupaten {region.Name}",
        _ => RegionScope.Of(region).Name,
    };

    public static string ChartCaption(RegionScope scope, ReportingPeriod period) =>
        $"📈 Grafik capaian {period.Label}, {AreaName(scope.Region)} (terverifikasi)";
}
