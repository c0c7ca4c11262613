using System.Text;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;

namespace CaseBot.Reporting.Capaian;

/// <summary>A drill-down as a phone-sized page: the figure, what its numerator and denominator count, then the reports.</summary>
public static class DrillDownText
{
    public const int PageSize = 10;

    public static int Pages(int rows) => Math.Max(1, (rows + PageSize - 1) / PageSize);

    public static string Format(IndicatorResult result, RegionScope scope, ReportingPeriod period, IReadOnlyList<DrillRow> rows, int page)
    {
        var indicator = result.Indicator;
        var text = new StringBuilder($"🔎 Rincian {indicator.ShortName}\n{scope.Name}, {period.Label}\n");
        text.Append(CapaianText.Realisasi(result)).Append('\n');
        text.Append(Definition(indicator)).Append('\n');
        if (indicator.Kind == IndicatorKind.Percentage && indicator.Denominators.Count > 0 && result.Denominator is { } population)
            text.Append($"Penyebut: populasi {IndonesianFormat.Number(population)} dari konfigurasi (bukan jumlah laporan).\n");
        if (rows.Count == 0) return text.Append("\nBelum ada laporan di balik angka ini.").ToString();
        page = Math.Clamp(page, 1, Pages(rows.Count));
        text.Append($"\n{IndonesianFormat.Number(rows.Count)} laporan, terbaru dulu · halaman {page} dari {Pages(rows.Count)}:");
        var n = (page - 1) * PageSize;
        foreach (var row in rows.Skip(n).Take(PageSize))
            text.Append($"\n{++n}. {row.Number} · {row.Kecamatan}{(row.Name is null ? "" : $" · {row.Name}")} · {Contribution(result, row)}");
        return text.ToString();
    }

    /// <summary>What one report adds: "40 dari 120 · ✅" or "40 dari 120 · ⏳ (terverifikasi 30 dari 100)".</summary>
    private static string Contribution(IndicatorResult result, DrillRow row)
    {
        string Part(decimal numerator, decimal? denominator) => denominator is { } d
            ? $"{IndonesianFormat.Number(numerator)} dari {IndonesianFormat.Number(d)}"
            : $"{IndonesianFormat.Number(numerator)} {result.Indicator.Unit}";
        var provisional = Part(row.Numerator, row.Denominator);
        return row.State switch
        {
            VerificationState.Verified => $"{provisional} · ✅",
            VerificationState.Returned when row.Numerator == 0 && row.Denominator is null => "dikembalikan, tidak dihitung",
            _ => $"{provisional} · {(row.State == VerificationState.Returned ? "↩️ dikembalikan" : "⏳ belum diverifikasi")}" +
                 (row.VerifiedNumerator == 0 && (row.VerifiedDenominator ?? 0) == 0 ? "" : $" (terverifikasi {Part(row.VerifiedNumerator, row.VerifiedDenominator)})"),
        };
    }

    /// <summary>What the numerator and denominator count, per measure (the computations are code).</summary>
    private static string Definition(IndicatorDefinition indicator) => indicator.Measure switch
    {
        Measure.VictimsHandled => "Per kejadian: korban tertangani dari semua korban (terdampak + meninggal + hilang).",
        Measure.VictimsHandledCount => "Per kejadian: korban tertangani.",
        Measure.AidRecipients => "Per penyaluran: jumlah penerima.",
        Measure.PpksHandled => "Per kasus: 1 dari 1 bila ditangani (menurut status dan layanan), 0 dari 1 bila belum.",
        _ => "Per kasus: 1 bila ditangani (menurut status dan layanan).",
    };
}
