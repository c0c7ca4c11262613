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

    public static string Realisasi(IndicatorResult r)
    {
        var unit = r.Indicator.Unit;
        if (r.Indicator.Kind == IndicatorKind.Count) return $"Realisasi {IndonesianFormat.Number(r.Numerator)} {unit}";
        return r.Realisasi is { } p
            ? $"Realisasi {IndonesianFormat.Percent(p)} ({IndonesianFormat.Number(r.Numerator)} dari {IndonesianFormat.Number(r.Denominator!.Value)} {unit})"
            : "Realisasi: belum ada data";
    }

    private static string Target(IndicatorResult r)
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
