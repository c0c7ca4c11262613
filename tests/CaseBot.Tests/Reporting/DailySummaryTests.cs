using CaseBot.Domain.Configuration;
using CaseBot.Reporting.Summary;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Reporting;

public sealed class DailySummaryTests
{
    private static readonly DateOnly ReportDay = new(2024, 3, 15);

    private static Region Region(BotHarness bot, string name) => bot.Services.GetRequiredService<RegionCatalog>().Find(name)!;

    [Fact]
    public async Task The_summary_counts_the_days_reports_and_names_the_silent_kecamatan()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        await Scenario.ReportFloodAsync(bot, "10", jiwa: 120, mengungsi: 40, tertangani: 100);
        foreach (var a in new[] { "/logistik", "1", "Permakanan", "1.200", "porsi", "400", "Orang", "Posko", "hari ini", "simpan",
                     "/logistik", "1", "Permakanan", "300", "porsi", "100", "Orang", "Posko", "hari ini", "simpan",
                     "/ppks", "Anak terlantar", "Andi", "lewati", "Malili", "Lampia", "Laki-laki", "9", "Putus sekolah", "Sandang", "ditangani", "simpan" })
            await bot.Say("10", a);
        bot.Clock.Advance(TimeSpan.FromHours(22)); // 08:00 WITA the next morning

        var data = await bot.Services.GetRequiredService<DailySummaryQuery>().ComputeAsync(Region(bot, "Luwu Timur"), ReportDay, silentDays: 3);
        Assert.Equal((1, 2, 1, 1), (data.NewDisasterReports, data.NewAid, data.NewCases, data.CasesHandled));
        var aid = Assert.Single(data.AidByItem);
        Assert.Equal(("Permakanan", 1500m, 500), (aid.Item, aid.Quantity, aid.Recipients));
        var flood = Assert.Single(data.OpenEvents);
        Assert.Equal((120, 40, 100), (flood.Korban, flood.Mengungsi, flood.Tertangani));
        Assert.Equal(10, data.Silent.Count); // Luwu Timur's 11 kecamatan less Malili
        Assert.DoesNotContain(data.Silent, s => s.Name == "Malili");

        var text = DailySummaryText.Format(data, [new("Korban bencana tertangani", 83.33m, "Tinggi")], bot.Clock.GetUtcNow(), late: false);
        Assert.Contains("Ringkasan harian Luwu Timur, 15 Maret 2024", text);
        Assert.Contains("Laporan baru: 1 bencana, 2 logistik, 1 PPKS.", text);
        Assert.Contains("Permakanan: 1.500 porsi untuk 500 orang", text);
        Assert.Contains("120 korban, 40 mengungsi, 100 tertangani; diperbarui 22 jam yang lalu", text);
        Assert.Contains("Korban bencana tertangani: 83,33% (Tinggi)", text);
        Assert.Contains("Belum melapor (10 kecamatan)", text);
        Assert.DoesNotContain("terlambat", text);
    }

    [Fact]
    public async Task Reports_of_another_day_or_kabupaten_do_not_count()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        await Scenario.RegisterApprovedAsync(bot, "11", "Yohanes", kabupaten: "Timor Tengah Utara", kecamatan: "Mutis");
        await Scenario.ReportFloodAsync(bot, "10");
        var query = bot.Services.GetRequiredService<DailySummaryQuery>();

        var ttu = await query.ComputeAsync(Region(bot, "Timor Tengah Utara"), ReportDay, silentDays: 3);
        Assert.Equal(0, ttu.NewDisasterReports);
        Assert.Equal(24, ttu.Silent.Count);
        var dayBefore = await query.ComputeAsync(Region(bot, "Luwu Timur"), ReportDay.AddDays(-1), silentDays: 3);
        Assert.Equal(0, dayBefore.NewDisasterReports);
        var late = DailySummaryText.Format(dayBefore, [], bot.Clock.GetUtcNow(), late: true);
        Assert.Contains("terlambat dikirim", late);
        Assert.Contains("Tidak ada kejadian bencana terbuka", late);
    }
}

public sealed class SummaryCommandTests
{
    [Fact]
    public async Task An_officer_gets_yesterdays_summary_with_the_capaian_chart()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        await Scenario.RegisterApprovedAsync(bot, "30", "Pak Kasi Malili", role: "Petugas Dinas", kecamatan: "Malili");
        await Scenario.ReportFloodAsync(bot, "10", jiwa: 120, tertangani: 100);
        bot.Clock.Advance(TimeSpan.FromDays(1));

        var unverified = (await bot.SendAsync("30", "/ringkasan")).Single();
        Assert.Contains("Korban bencana tertangani (SPM): belum ada data; ⏳ 83,33% termasuk 1 laporan belum diverifikasi", unverified.Text);
        Assert.Equal(1, await Scenario.VerifyAllAsync(bot, "30"));
        var reply = (await bot.SendAsync("30", "/ringkasan")).Single();
        Assert.Contains("Ringkasan harian Malili, 15 Maret 2024", reply.Text);
        Assert.Contains("Laporan baru: 1 bencana, 0 logistik, 0 PPKS.", reply.Text);
        Assert.Contains("Korban bencana tertangani (SPM): 83,33% (Tinggi)", reply.Text);
        // Each figure opens to the reports behind it.
        var opened = await bot.Press("30", reply.Choices.Single(c => c.Label == "🔎 Korban bencana tertangani (SPM)").Data);
        Assert.Contains("1. BC-2024-0001 · Malili · 100 dari 120 · ✅", opened);
        Assert.Equal("image/png", reply.File!.ContentType);
        Assert.Equal(CapaianChart.Width, CapaianChartTests.PngSize(reply.File.Content).Width);
        Assert.Contains("khusus petugas", await bot.Say("10", "/ringkasan"));
    }
}
