using System.Text;
using CaseBot.Domain.Text;

namespace CaseBot.Reporting.Capaian;

/// <summary>Capaian as a phone-sized Indonesian answer: realisasi with its numerator and denominator, target, capaian, band.</summary>
public static class CapaianText
{
    public static string Format(RegionScope scope, ReportingPeriod period, IReadOnlyList<IndicatorResult> results)
    {
        var text = new StringBuilder($"🎯 Capaian {scope.Name}, {period.Label}");
        if (results.Count == 0) return text.Append("\nTidak ada indikator yang cocok.").ToString();
        var n = 0;
        foreach (var r in results)
        {
            text.Append($"\n\n{++n}. {r.Indicator.ShortName}\n");
            text.Append(Realisasi(r));
            text.Append('\n').Append(Target(r));
        }
        return text.ToString();
    }

    /// <summary>
    /// The leading figure, and beside it the other one while reports wait: "Realisasi 78,4% terverifikasi (…)" then
    /// "⏳ 81,0% termasuk 12 laporan belum diverifikasi (…)".
    /// </summary>
    public static string Realisasi(IndicatorResult r)
    {
        if (r.Unverified == 0)
            return r.Realisasi is null ? "Realisasi: belum ada data" : $"Realisasi {Figure(r, r.Leading, r.Realisasi)} · terverifikasi";
        var waiting = $"{IndonesianFormat.Number(r.Unverified)} laporan belum diverifikasi";
        return r.CountUnverified
            ? $"{Labelled("Realisasi", r, r.Leading, r.Realisasi)}, termasuk {waiting}\n✅ {Labelled("Terverifikasi", r, r.Other, r.OtherRealisasi)}"
            : $"{Labelled("Realisasi terverifikasi", r, r.Leading, r.Realisasi)}\n⏳ Termasuk {waiting}: {Figure(r, r.Other, r.OtherRealisasi)}";
    }

    /// <summary>"Realisasi terverifikasi 78,4% (…)", or "Realisasi terverifikasi: belum ada data".</summary>
    private static string Labelled(string label, IndicatorResult r, Figures f, decimal? realisasi) =>
        realisasi is null ? $"{label}: belum ada data" : $"{label} {Figure(r, f, realisasi)}";

    /// <summary>"78,4% (580 dari 740 jiwa)", "450 orang", or "belum ada data".</summary>
    private static string Figure(IndicatorResult r, Figures f, decimal? realisasi)
    {
        var unit = r.Indicator.Unit;
        if (r.Indicator.Kind == IndicatorKind.Count) return $"{IndonesianFormat.Number(f.Numerator)} {unit}";
        return realisasi is { } p
            ? $"{IndonesianFormat.Percent(p)} ({IndonesianFormat.Number(f.Numerator)} dari {IndonesianFormat.Number(f.Denominator!.Value)} {unit})"
            : "belum ada data";
    }

    /// <summary>"Target 100% → capaian 83,33% (Tinggi)", or why there is none.</summary>
    public static string Target(IndicatorResult r)
    {
        if (r.Target is not { } target) return "Target belum ditetapkan";
        var targetText = r.Indicator.Kind == IndicatorKind.Percentage
            ? IndonesianFormat.Percent(target)
            : $"{IndonesianFormat.Number(target)} {r.Indicator.Unit}";
        return r.Capaian is { } c
            ? $"Target {targetText} → capaian {IndonesianFormat.Percent(c)} ({CapaianMath.BandName(r.Band!.Value)})"
            : $"Target {targetText} → capaian: belum ada data";
    }
}
