using CaseBot.Domain.Text;
using CaseBot.Reporting.Capaian;
using ScottPlot;

namespace CaseBot.Reporting.Summary;

/// <summary>One bar of the chart: an indicator's capaian (null when it has no target or no data yet).</summary>
public sealed record ChartBar(string Label, decimal? Capaian);

/// <summary>A phone-friendly PNG: capaian per indicator as horizontal bars coloured by rating band, with the 100% target line.</summary>
public static class CapaianChart
{
    public const int Width = 800;
    public const int Height = 120 + 56 * 8;

    public static byte[] RenderPng(string title, IReadOnlyList<ChartBar> bars, int width = Width, int? height = null)
    {
        var plot = new Plot();
        plot.Title(title);
        for (var i = 0; i < bars.Count; i++)
        {
            var row = bars.Count - 1 - i; // first indicator on top
            var value = (double)(bars[i].Capaian ?? 0);
            var bar = plot.Add.Bar(new Bar
            {
                Position = row, Value = value, FillColor = Colour(bars[i].Capaian), Orientation = Orientation.Horizontal,
                Label = bars[i].Capaian is { } c ? IndonesianFormat.Percent(c) : "belum ada data",
            });
            bar.ValueLabelStyle.FontSize = 14;
        }
        var target = plot.Add.VerticalLine(100, 2, Colors.Black, LinePattern.Dashed);
        target.LegendText = "Target 100%";
        plot.Axes.Left.SetTicks(Enumerable.Range(0, bars.Count).Select(i => (double)(bars.Count - 1 - i)).ToArray(),
            bars.Select(b => Shorten(b.Label)).ToArray());
        plot.Axes.Bottom.Label.Text = "Capaian (%)";
        var max = Math.Max(120, bars.Select(b => (double)(b.Capaian ?? 0)).DefaultIfEmpty(0).Max() * 1.15);
        plot.Axes.SetLimits(0, max, -0.6, Math.Max(bars.Count, 1) - 0.4);
        return plot.GetImageBytes(width, height ?? 120 + 56 * Math.Max(bars.Count, 1), ImageFormat.Png);
    }

    private static Color Colour(decimal? capaian) => capaian is null
        ? Colors.LightGray
        : CapaianMath.Band(capaian.Value) switch
        {
            RatingBand.SangatTinggi => Color.FromHex("#1a9850"),
            RatingBand.Tinggi => Color.FromHex("#91cf60"),
            RatingBand.Sedang => Color.FromHex("#fee08b"),
            RatingBand.Rendah => Color.FromHex("#fc8d59"),
            _ => Color.FromHex("#d73027"),
        };

    private static string Shorten(string label) => label.Length <= 32 ? label : label[..31] + "…";
}
