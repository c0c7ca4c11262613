using CaseBot.Reporting.Exports;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CaseBot.Tests.Reporting;

public sealed class ExportTests
{
    private static readonly DateOnly Jan1 = new(2024, 1, 1), Dec31 = new(2024, 12, 31);

    /// <summary>Two floods (120 and 60 victims), one aid hand-out, two PPKS cases, all through the chat.</summary>
    private static async Task<BotHarness> SeededAsync()
    {
        var bot = await Scenario.StartWithReporterAsync();
        await Scenario.ReportFloodAsync(bot, "10", jiwa: 120, tertangani: 100);
        await Scenario.ReportFloodAsync(bot, "10", desa: "Baruga", jiwa: 60, kk: 15, tertangani: 60);
        foreach (var a in new[] { "/logistik", "1", "Permakanan", "300", "porsi", "150", "Orang", "Posko", "hari ini", "simpan" })
            await bot.Say("10", a);
        foreach (var nik in new[] { "7324010101500001", "lewati" })
            foreach (var a in new[] { "/ppks", "Lanjut usia terlantar", $"Warga {nik[..4]}", nik, "Malili", "Lampia", "Perempuan", "70",
                         "Tinggal sendiri", "Permakanan", "ditangani", "simpan" })
                await bot.Say("10", a);
        return bot;
    }

    [Fact]
    public async Task The_workbook_has_one_sheet_per_kind_with_indonesian_headers_rows_and_totals()
    {
        await using var bot = await SeededAsync();
        var sheets = await bot.Services.GetRequiredService<ReportSheets>().BuildAsync(new ExportRequest(ReportSheets.All, Jan1, Dec31));
        using var xlsx = new MemoryStream(WorkbookWriter.Xlsx(sheets));

        Assert.Equal([DisasterSheet.SheetName, AidSheet.SheetName, PpksSheet.SheetName, CapaianSheet.Name, DrillDownSheet.Name], xlsx.GetSheetNames());
        var events = xlsx.Query(useHeaderRow: true, sheetName: DisasterSheet.SheetName).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(180d, events.Sum(e => Convert.ToDouble(e["Jumlah Korban"])));
        Assert.Equal(160d, events.Sum(e => Convert.ToDouble(e["Tertangani"])));
        Assert.Equal("Banjir", events[0]["Jenis Bencana"]);

        var aid = xlsx.Query(useHeaderRow: true, sheetName: AidSheet.SheetName).Cast<IDictionary<string, object>>().Single();
        Assert.Equal(("Permakanan", "Penyediaan Permakanan", 150d), ((string)aid["Jenis Bantuan"], (string)aid["Sub Kegiatan"], Convert.ToDouble(aid["Penerima"])));

        var cases = xlsx.Query(useHeaderRow: true, sheetName: PpksSheet.SheetName).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, cases.Count);
        Assert.Contains(cases, c => (string?)c["NIK"] == "7324********0001");
        Assert.DoesNotContain(cases, c => (string?)c["NIK"] == "7324010101500001");
    }

    [Fact]
    public async Task Admin_exports_show_the_full_nik_and_filters_narrow_the_rows()
    {
        await using var bot = await SeededAsync();
        var sheets = bot.Services.GetRequiredService<ReportSheets>();
        var full = await sheets.BuildAsync(new ExportRequest("ppks", Jan1, Dec31) { ShowFullNik = true });
        Assert.Contains(full.First().Rows, r => (string?)r[4] == "7324010101500001");

        Assert.Empty((await sheets.BuildAsync(new ExportRequest("bencana", Jan1, Dec31) { Kecamatan = "Wotu" })).First().Rows);
        Assert.Empty((await sheets.BuildAsync(new ExportRequest("bencana", Jan1, new DateOnly(2024, 3, 14)))).First().Rows);
        Assert.Equal(2, (await sheets.BuildAsync(new ExportRequest("bencana", Jan1, Dec31) { Kabupaten = "Luwu Timur" })).First().Rows.Count);
    }

    [Fact]
    public async Task An_empty_period_still_has_its_header_row()
    {
        await using var bot = await BotHarness.StartAsync();
        var sheets = await bot.Services.GetRequiredService<ReportSheets>().BuildAsync(new ExportRequest("logistik", Jan1, Dec31));
        using var xlsx = new MemoryStream(WorkbookWriter.Xlsx(sheets));
        var header = xlsx.Query(useHeaderRow: false, sheetName: AidSheet.SheetName).Cast<IDictionary<string, object>>().First();
        Assert.Equal("Jenis Bantuan", header["C"]);
    }

    [Fact]
    public void Csv_uses_semicolons_and_quotes_what_needs_it()
    {
        var sheet = new Sheet("PPKS", ["Nama", "Umur", "Tanggal"], [["Hasnah; binti \"Lato\"", 72, new DateTime(2024, 3, 15)]]);
        var text = System.Text.Encoding.UTF8.GetString(WorkbookWriter.Csv(sheet)).TrimStart('\uFEFF');
        Assert.Equal("Nama;Umur;Tanggal\r\n\"Hasnah; binti \"\"Lato\"\"\";72;15/03/2024\r\n".ReplaceLineEndings(), text.ReplaceLineEndings());
    }

    [Fact]
    public async Task The_command_line_export_writes_the_file()
    {
        await using var bot = await SeededAsync();
        var output = Path.Combine(bot.Folder, "ppks.xlsx");
        var (exitCode, stdout, stderr) = await CasebotProcess.RunAsync(
            ["export", "--kind", "ppks", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "xlsx", "--out", output],
            new Dictionary<string, string>
            {
                ["CaseBot__Storage__ConnectionString"] = $"Data Source={Path.Combine(bot.Folder, "casebot.db")}",
                ["CaseBot__ConfigDirectory"] = Path.Combine(AppContext.BaseDirectory, "config"),
            });
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("PPKS 2 baris", stdout);
        using var xlsx = File.OpenRead(output);
        Assert.Equal(2, xlsx.Query(useHeaderRow: true, sheetName: PpksSheet.SheetName).Count());
    }
}
