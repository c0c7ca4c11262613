using CaseBot.Domain.Configuration;
using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Exports;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CaseBot.Tests.Reporting;

public sealed class ExportCommandAndTargetsTests
{
    private static async Task<BotHarness> SeededAsync()
    {
        var bot = await Scenario.StartWithReporterAsync();
        await Scenario.RegisterApprovedAsync(bot, "30", "Pak Kasi Malili", role: "Petugas Dinas", kecamatan: "Malili");
        await Scenario.ReportFloodAsync(bot, "10", jiwa: 120, tertangani: 100);
        foreach (var a in new[] { "/ppks", "Lanjut usia terlantar", "Hasnah", "7324010101500001", "Malili", "Lampia", "Perempuan", "70",
                     "Tinggal sendiri", "Permakanan", "ditangani", "simpan" })
            await bot.Say("10", a);
        Assert.Equal(2, await Scenario.VerifyAllAsync(bot, "30")); // the flood and the case
        return bot;
    }

    private static List<IDictionary<string, object>> Rows(byte[] xlsx, string sheet) =>
        new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();

    [Fact]
    public async Task An_officer_gets_the_workbook_as_a_file_with_a_capaian_sheet_and_masked_nik()
    {
        await using var bot = await SeededAsync();
        var reply = (await bot.SendAsync("30", "/ekspor semua triwulan 1")).Single();
        Assert.Contains("Kec. Malili, triwulan I 2024", reply.Text);
        var file = reply.File!;
        Assert.EndsWith(".xlsx", file.FileName);
        Assert.Equal([DisasterSheet.SheetName, AidSheet.SheetName, PpksSheet.SheetName, CapaianSheet.Name, DrillDownSheet.Name],
            new MemoryStream(file.Content).GetSheetNames());
        Assert.Equal("7324********0001", Rows(file.Content, PpksSheet.SheetName).Single()["NIK"]);

        var spm = Rows(file.Content, CapaianSheet.Name).Single(r => ((string)r["Indikator"]).StartsWith("Persentase korban bencana"));
        Assert.Equal(("Malili", 100d, 83.33d, "Tinggi"), ((string)spm["Wilayah"], Convert.ToDouble(spm["Target"]),
            Convert.ToDouble(spm["Realisasi"]), (string)spm["Kategori"]));
        Assert.Equal((100d, 120d), (Convert.ToDouble(spm["Pembilang"]), Convert.ToDouble(spm["Penyebut"])));
    }

    [Fact]
    public async Task The_admin_sees_full_nik_officers_stay_in_their_area_reporters_get_nothing()
    {
        await using var bot = await SeededAsync();
        var admin = (await bot.SendAsync(BotHarness.AdminId, "/ekspor ppks 2024")).Single().File!;
        Assert.Equal("7324010101500001", Rows(admin.Content, PpksSheet.SheetName).Single()["NIK"]);
        Assert.Contains("hanya dapat mengekspor data wilayah Malili", await bot.Say("30", "/ekspor ppks 2024 Wotu"));
        Assert.Contains("khusus petugas", await bot.Say("10", "/ekspor ppks"));
        Assert.Contains("Sebutkan jenisnya", await bot.Say("30", "/ekspor"));
    }

    [Fact]
    public async Task Targets_round_trip_through_a_spreadsheet_an_officer_fills_in()
    {
        await using var bot = await BotHarness.StartAsync();
        var catalog = bot.Services.GetRequiredService<IndicatorCatalog>();
        var regions = bot.Services.GetRequiredService<RegionCatalog>();
        var sheet = TargetSheet.Write(catalog, 2024);
        var rows = Rows(sheet, TargetSheet.Name);
        Assert.Equal(catalog.Indicators.Sum(i => i.Targets.Count), rows.Count(r => r["Target"] is not null and not ""));
        Assert.Contains(rows, r => (string)r["Indikator"] == "ppks-ditangani" && Convert.ToDouble(r["Target"]) == 56.7);

        // The officer adds Luwu Timur's 2025 target and changes 2024's, typing the Indonesian way.
        var edited = rows.Select(r => new Dictionary<string, object?>(r!)).ToList();
        edited.Single(r => (string)r["Indikator"]! == "ppks-ditangani" && Convert.ToInt32(r["Tahun"]) == 2024 && (string)r["Wilayah"]! == "Luwu Timur")["Target"] = "60,5";
        edited.Add(new() { ["Indikator"] = "ppks-ditangani", ["Nama Indikator"] = "", ["Tahun"] = 2025, ["Wilayah"] = "luwu timur", ["Target"] = 62, ["Setiap tahun"] = null });
        using var filled = new MemoryStream();
        filled.SaveAs(new Dictionary<string, object> { [TargetSheet.Name] = edited });
        filled.Position = 0;

        var (updated, problems) = TargetSheet.Read(filled, catalog, regions);
        Assert.Empty(problems);
        var reloaded = System.Text.Json.JsonSerializer.Deserialize<IndicatorCatalog>(TargetSheet.ToJson(updated), ConfigFiles.Json)!;
        var ppks = reloaded.Indicators.Single(i => i.Id == "ppks-ditangani");
        var scope = RegionScope.Of(regions.Find("Luwu Timur")!);
        Assert.Equal(60.5m, CapaianService.TargetFor(ppks, scope, 2024));
        Assert.Equal(62m, CapaianService.TargetFor(ppks, scope, 2025));
        Assert.Equal(28_860m, ppks.Denominators.Single().Value); // untouched by the import
        Assert.Equal(catalog.Indicators.Sum(i => i.Targets.Count) + 1, reloaded.Indicators.Sum(i => i.Targets.Count));
    }

    [Fact]
    public async Task Wrong_rows_are_reported_and_nothing_is_taken()
    {
        await using var bot = await BotHarness.StartAsync();
        var catalog = bot.Services.GetRequiredService<IndicatorCatalog>();
        using var filled = new MemoryStream();
        filled.SaveAs(new Dictionary<string, object>
        {
            [TargetSheet.Name] = new[]
            {
                new Dictionary<string, object?> { ["Indikator"] = "tidak-ada", ["Tahun"] = 2024, ["Wilayah"] = "Malili", ["Target"] = 5 },
                new Dictionary<string, object?> { ["Indikator"] = "spm-bencana", ["Tahun"] = "dua ribu", ["Wilayah"] = "Malili", ["Target"] = 5 },
                new Dictionary<string, object?> { ["Indikator"] = "spm-bencana", ["Tahun"] = 2024, ["Wilayah"] = "Atlantis", ["Target"] = 5 },
                new Dictionary<string, object?> { ["Indikator"] = "spm-bencana", ["Tahun"] = 2024, ["Wilayah"] = "Malili", ["Target"] = "banyak" },
            },
        });
        filled.Position = 0;
        var (_, problems) = TargetSheet.Read(filled, catalog, bot.Services.GetRequiredService<RegionCatalog>());
        Assert.Equal(4, problems.Count);
        Assert.Contains("Baris 2: indikator \"tidak-ada\" tidak dikenal.", problems);
        Assert.Contains(problems, p => p.StartsWith("Baris 3: tahun"));
        Assert.Contains(problems, p => p.StartsWith("Baris 4: wilayah \"Atlantis\""));
        Assert.Contains(problems, p => p.StartsWith("Baris 5: target"));
    }
}
