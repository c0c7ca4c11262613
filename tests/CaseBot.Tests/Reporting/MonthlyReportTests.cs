using CaseBot.Domain.Entities;
using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Monthly;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CaseBot.Tests.Reporting;

/// <summary>
/// What the monthly report says, for Luwu Timur, March 2024 (the LKj 2024 targets: SPM 100%, 250 KK, 56,70% of the
/// 28.860 PPKS in DTKS). Seeded: in March one verified flood (100 of 120 tertangani) and one waiting (60 of 60), aid
/// to 40 KK verified and 10 KK waiting, 30 lansia terlantar handled and 10 new (verified) and 5 handled waiting;
/// in February a verified flood of 500 victims that must not count.
/// </summary>
public sealed class MonthlyReportTests
{
    private static async Task<BotHarness> SeededAsync()
    {
        var bot = await MonthlyReportSchedulerTests.WithGroupAsync();
        await using var db = bot.Db();
        var flood = Seed.Event(db, "Luwu Timur", "Malili", new DateOnly(2024, 3, 10), terdampak: 120, tertangani: 100);
        Seed.Event(db, "Luwu Timur", "Wotu", new DateOnly(2024, 3, 20), terdampak: 60, tertangani: 60, state: VerificationState.Pending);
        Seed.Event(db, "Luwu Timur", "Malili", new DateOnly(2024, 2, 10), terdampak: 500, tertangani: 0);
        Seed.Aid(db, flood, "sembako", 40, RecipientUnit.Kk, new DateOnly(2024, 3, 12));
        Seed.Aid(db, flood, "sembako", 10, RecipientUnit.Kk, new DateOnly(2024, 3, 13), VerificationState.Pending);
        Seed.Cases(db, 30, "Luwu Timur", "Malili", new DateOnly(2024, 3, 5), CaseStatus.Ditangani, type: "lansia-terlantar");
        Seed.Cases(db, 10, "Luwu Timur", "Malili", new DateOnly(2024, 3, 6), CaseStatus.Baru, type: "lansia-terlantar");
        Seed.Cases(db, 5, "Luwu Timur", "Malili", new DateOnly(2024, 3, 7), CaseStatus.Ditangani, type: "lansia-terlantar", state: VerificationState.Pending);
        await db.SaveChangesAsync();
        return bot;
    }

    [Fact]
    public async Task The_text_gives_each_indicator_verified_first_and_provisional_beside_it_as_capaian_measures_them()
    {
        await using var bot = await SeededAsync();
        Assert.Equal(1, await MonthlyReportSchedulerTests.CheckAt(bot, MonthlyReportSchedulerTests.Wita(4, 1, 8)));
        var text = MonthlyReportSchedulerTests.Reports(bot).Single().Text;

        Assert.Contains("1. Korban bencana tertangani (SPM)\nRealisasi terverifikasi 83,33% (100 dari 120 jiwa)\n" +
                        "⏳ Termasuk 1 laporan belum diverifikasi: 88,89% (160 dari 180 jiwa)\nTarget 100% → capaian 83,33% (Tinggi)", text);
        Assert.Contains("2. KK korban terima bansos\nRealisasi terverifikasi 40 KK\n⏳ Termasuk 1 laporan belum diverifikasi: 50 KK\n" +
                        "Target 250 KK → capaian 16% (Sangat Rendah)", text);
        Assert.Contains("4. Rehabilitasi sosial dasar (SPM)\nRealisasi terverifikasi 75% (30 dari 40 orang)\n" +
                        "⏳ Termasuk 5 laporan belum diverifikasi: 77,78% (35 dari 45 orang)\nTarget 100% → capaian 75% (Sedang)", text);

        // Every figure is the capaian service's for the month, and none of February's 500 victims is in it.
        var area = RegionScope.Of(bot.Services.GetRequiredService<CaseBot.Domain.Configuration.RegionCatalog>().Find("Luwu Timur")!);
        var measured = await bot.Services.GetRequiredService<CapaianService>().MeasureAsync(area, ReportingPeriod.Month(2024, 3));
        Assert.Equal(4, measured.Count);
        foreach (var r in measured)
            Assert.Contains($"{r.Indicator.ShortName}\n{CapaianText.Realisasi(r)}\n{CapaianText.Target(r)}", text);
        Assert.DoesNotContain("500", text);
    }

    /// <summary>The README's sample: set CASEBOT_DOCS=docs (from the repository root) to write it again.</summary>
    [Fact]
    public async Task The_chart_is_a_png_and_the_readme_sample_is_written_on_request()
    {
        await using var bot = await SeededAsync();
        await MonthlyReportSchedulerTests.CheckAt(bot, MonthlyReportSchedulerTests.Wita(4, 1, 8));
        var (text, chart) = (MonthlyReportSchedulerTests.Reports(bot).Single().Text, MonthlyReportSchedulerTests.Charts(bot).Single().File!.Content);
        Assert.Equal((CaseBot.Reporting.Summary.CapaianChart.Width, 120 + 56 * 4), CapaianChartTests.PngSize(chart));
        if (Environment.GetEnvironmentVariable("CASEBOT_DOCS") is { Length: > 0 } folder)
        {
            var root = Path.GetFullPath(folder, RepoRoot.Path);
            await File.WriteAllTextAsync(Path.Combine(root, "laporan-bulanan-contoh.txt"), text + "\n");
            await File.WriteAllBytesAsync(Path.Combine(root, "laporan-bulanan-contoh.png"), chart);
        }
    }

    [Fact]
    public async Task The_workbook_opens_with_the_lkj_table_one_row_per_indicator()
    {
        await using var bot = await SeededAsync();
        await MonthlyReportSchedulerTests.CheckAt(bot, MonthlyReportSchedulerTests.Wita(4, 1, 8));
        using var xlsx = new MemoryStream(MonthlyReportSchedulerTests.Reports(bot).Single().File!.Content);

        Assert.Equal([MonthlyReportSheet.Name, CaseBot.Reporting.Exports.CapaianSheet.Name], xlsx.GetSheetNames());
        var rows = xlsx.Query(useHeaderRow: true, sheetName: MonthlyReportSheet.Name).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(MonthlyReportSheet.Headers, rows[0].Keys);
        Assert.Equal([1d, 2d, 3d, 4d], rows.Select(r => Convert.ToDouble(r["No"])));
        var spm = rows[0];
        Assert.Equal("Persentase korban bencana alam dan sosial yang terpenuhi kebutuhan dasarnya pada saat dan setelah tanggap darurat bencana",
            spm["Sasaran/Indikator Kinerja"]);
        Assert.Equal(("Luwu Timur", "Maret 2024", "%"), ((string?)spm["Wilayah"], (string?)spm["Periode"], (string?)spm["Satuan"]));
        Assert.Equal((100d, 83.33d, 83.33d, "Tinggi"), (Convert.ToDouble(spm["Target"]), Convert.ToDouble(spm["Realisasi"]),
            Convert.ToDouble(spm["Capaian (%)"]), (string?)spm["Kategori"]));
        Assert.Equal((88.89d, 88.89d, 1d), (Convert.ToDouble(spm["Realisasi sementara"]), Convert.ToDouble(spm["Capaian sementara (%)"]),
            Convert.ToDouble(spm["Laporan belum diverifikasi"])));
        var kk = rows[1];
        Assert.Equal(("KK", 250d, 40d, 16d, 50d), ((string?)kk["Satuan"], Convert.ToDouble(kk["Target"]), Convert.ToDouble(kk["Realisasi"]),
            Convert.ToDouble(kk["Capaian (%)"]), Convert.ToDouble(kk["Realisasi sementara"])));
    }
}
