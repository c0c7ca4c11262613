using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Commands;
using CaseBot.Reporting.Exports;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CaseBot.Tests.Verification;

/// <summary>Every capaian line opens to the reports behind it: by button, by /rincian, and as a sheet of the export.</summary>
public sealed class DrillDownTests
{
    private const string Tagana = "10";
    private const string Officer = "30";

    private static async Task<BotHarness> StartAsync()
    {
        var bot = await Scenario.StartWithReporterAsync(Tagana);
        await Scenario.RegisterApprovedAsync(bot, Officer, "Pak Kasi Malili", role: "Petugas Dinas", kecamatan: "Malili");
        return bot;
    }

    [Fact]
    public async Task A_capaian_line_opens_to_its_reports_with_numbers_counts_kecamatan_and_verification_state()
    {
        await using var bot = await StartAsync();
        await Scenario.ReportFloodAsync(bot, Tagana, desa: "Puncak Indah", jiwa: 120, tertangani: 100);
        Assert.Equal(1, await Scenario.VerifyAllAsync(bot, Officer));
        await Scenario.ReportFloodAsync(bot, Tagana, desa: "Baruga", jiwa: 40, tertangani: 10);

        var capaian = await bot.SendAsync(Officer, "/capaian bencana");
        var answer = capaian.Single();
        Assert.Contains("Realisasi terverifikasi 83,33% (100 dari 120 jiwa)", answer.Text);
        Assert.Contains("⏳ Termasuk 1 laporan belum diverifikasi: 68,75% (110 dari 160 jiwa)", answer.Text);
        var spm = answer.Choices.Single(c => c.Label == "🔎 Rincian 1");

        var rincian = await bot.Press(Officer, spm.Data);
        Assert.Contains("🔎 Rincian Korban bencana tertangani (SPM)\nKec. Malili, tahun 2024", rincian);
        Assert.Contains("Per kejadian: korban tertangani dari semua korban", rincian);
        Assert.Contains("2 laporan, terbaru dulu · halaman 1 dari 1:", rincian);
        Assert.Contains("1. BC-2024-0002 · Malili · 10 dari 40 · ⏳ belum diverifikasi", rincian);
        Assert.Contains("2. BC-2024-0001 · Malili · 100 dari 120 · ✅", rincian);

        // The same drill-down typed by hand.
        Assert.Equal(rincian, await bot.Say(Officer, "/rincian spm-bencana Malili 2024"));
        Assert.Contains("Rincian indikator mana", await bot.Say(Officer, "/rincian"));
        Assert.Contains("hanya dapat melihat rincian wilayah Malili", await bot.Say(Officer, "/rincian spm-bencana Wotu"));
        Assert.Contains("khusus petugas", await bot.Say(Tagana, spm.Data));
    }

    [Fact]
    public async Task Long_drill_downs_are_paged_and_names_are_shown_to_admins_only()
    {
        await using var bot = await StartAsync();
        await using (var db = bot.Db())
        {
            Seed.Cases(db, 12, "Luwu Timur", "Malili", new DateOnly(2024, 3, 1), CaseStatus.Ditangani, type: "lansia-terlantar");
            await db.SaveChangesAsync();
        }
        var first = await bot.SendAsync(Officer, "/rincian spm-lansia Malili 2024");
        var page1 = first.Single();
        Assert.Contains("12 laporan, terbaru dulu · halaman 1 dari 2:", page1.Text);
        Assert.Contains("\n10. PK-2024-0003", page1.Text);
        Assert.DoesNotContain("\n11. ", page1.Text);
        Assert.DoesNotContain("Warga", page1.Text); // officers see numbers and counts, not names
        var page2 = await bot.Press(Officer, BotHarness.Data(first, "Berikutnya"));
        Assert.Contains("halaman 2 dari 2", page2);
        Assert.Contains("\n12. PK-2024-0001 · Malili · 1 orang · ✅", page2);

        var admin = await bot.Say(BotHarness.AdminId, "/rincian spm-lansia Malili 2024");
        Assert.Contains("PK-2024-0012 · Malili · Warga 11 · 1 orang · ✅", admin);
        var group = await bot.SendAsync(BotHarness.AdminId, "/rincian spm-lansia Malili 2024", kind: ChatKind.Group, chatId: "-100");
        Assert.DoesNotContain("Warga", group.Single().Text); // never names in a group
    }

    [Fact]
    public async Task The_export_has_the_reports_behind_each_figure_as_a_sheet()
    {
        await using var bot = await StartAsync();
        await Scenario.ReportFloodAsync(bot, Tagana, jiwa: 120, tertangani: 100);
        var file = (await bot.SendAsync(Officer, "/ekspor semua 2024")).Single().File!;
        var rows = new MemoryStream(file.Content).Query(useHeaderRow: true, sheetName: DrillDownSheet.Name)
            .Cast<IDictionary<string, object?>>().Where(r => (string?)r["Indikator"] == "Korban bencana tertangani (SPM)").ToList();
        var row = Assert.Single(rows);
        Assert.Equal(("BC-2024-0001", "Malili", 100d, 120d, 0d, "Belum diverifikasi"),
            ((string)row["Nomor laporan"]!, (string)row["Kecamatan"]!, Convert.ToDouble(row["Pembilang"]), Convert.ToDouble(row["Penyebut"]),
             Convert.ToDouble(row["Pembilang terverifikasi"]), (string)row["Verifikasi"]!));
    }

    [Fact]
    public async Task Every_shipped_indicator_and_region_fits_a_button_and_reads_back()
    {
        await using var bot = await BotHarness.StartAsync();
        var indicators = bot.Services.GetRequiredService<IndicatorCatalog>().Indicators;
        var regions = bot.Services.GetRequiredService<RegionCatalog>().Regions.SelectMany(r => r.SelfAndDescendants())
            .Where(r => r.Level != RegionLevel.Desa).ToList();
        var periods = new[]
        {
            ReportingPeriod.Year(2026), ReportingPeriod.Quarter(2026, 4), ReportingPeriod.Month(2026, 12), ReportingPeriod.Day(new DateOnly(2026, 11, 24)),
        };
        var checkedKeys = 0;
        foreach (var indicator in indicators)
        foreach (var region in regions)
        foreach (var period in periods)
        {
            var key = DrillDownKey.Of(indicator, RegionScope.Of(region), period, page: 12);
            var data = $"/{DrillDownCommand.CommandName} {key}";
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(data) <= 64, $"{data} is over Telegram's 64 bytes");
            Assert.Equal(key, DrillDownKey.TryParse(key.ToString()));
            checkedKeys++;
        }
        Assert.True(checkedKeys > 1000);
        var range = new DrillDownKey("spm-bencana", "Malili", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 7));
        Assert.Equal(range, DrillDownKey.TryParse(range.ToString()));
        Assert.Null(DrillDownKey.TryParse("#spm-bencana@Malili@2026q5"));
    }
}
