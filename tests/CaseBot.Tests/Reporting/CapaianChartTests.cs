using System.Buffers.Binary;
using CaseBot.Reporting.Summary;

namespace CaseBot.Tests.Reporting;

public sealed class CapaianChartTests
{
    [Fact]
    public void The_chart_is_a_png_of_the_requested_size_that_grows_with_the_indicators()
    {
        ChartBar[] bars =
        [
            new("Korban bencana tertangani (SPM)", 100m), new("PPKS ditangani", 208.59m),
            new("Permakanan pengungsi", 45.5m), new("Sandang", null),
        ];
        var png = CapaianChart.RenderPng("Capaian 2024 Luwu Timur", bars);
        var (width, height) = PngSize(png);
        Assert.Equal(CapaianChart.Width, width);
        Assert.Equal(120 + 56 * bars.Length, height);
        Assert.True(png.Length > 5_000, $"{png.Length} bytes is too small to hold the bars");

        var taller = PngSize(CapaianChart.RenderPng("x", [.. bars, .. bars])).Height;
        Assert.True(taller > height);
    }

    /// <summary>Width and height from the IHDR chunk, right after the 8-byte signature.</summary>
    internal static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
