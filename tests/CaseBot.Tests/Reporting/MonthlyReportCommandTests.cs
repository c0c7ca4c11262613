using CaseBot.Reporting.Monthly;
using CaseBot.Tests.Support;

namespace CaseBot.Tests.Reporting;

public sealed class MonthlyReportCommandTests
{
    /// <summary>2 November 2026, 09:00 WITA: October 2026 is last month.</summary>
    private static readonly DateTimeOffset November2 = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Laporanbulanan_oktober_2026_answers_with_the_report_the_xlsx_and_the_chart()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        await using (var db = bot.Db())
        {
            Seed.Event(db, "Luwu Timur", "Malili", new DateOnly(2026, 10, 5), terdampak: 80, tertangani: 60);
            Seed.Event(db, "Luwu Timur", "Malili", new DateOnly(2026, 11, 1), terdampak: 999, tertangani: 0); // November: not in October's report
            await db.SaveChangesAsync();
        }
        bot.Clock.SetUtcNow(November2);

        var replies = await bot.SendAsync(BotHarness.AdminId, "/laporanbulanan oktober 2026");
        Assert.Equal(2, replies.Count);
        var (report, chart) = (replies[0], replies[1]);
        Assert.StartsWith("📊 Laporan Bulanan SPM — Oktober 2026, Kabupaten Luwu Timur", report.Text); // the admin's own area
        Assert.Contains("Realisasi 75% (60 dari 80 jiwa) · terverifikasi\nTarget 100% → capaian 75% (Sedang)", report.Text);
        Assert.Contains("KK korban terima bansos\nRealisasi 0 KK · terverifikasi\nTarget belum ditetapkan", report.Text); // 250 KK was 2024's target
        Assert.Equal("laporan-bulanan-luwu-timur-2026-10.xlsx", report.File!.FileName);
        Assert.Equal(("image/png", BotHarness.AdminId), (chart.File!.ContentType, chart.ChatId));

        // Each figure opens to the reports behind it, for that month only.
        var drill = await bot.Press(BotHarness.AdminId, BotHarness.Data([report], "Korban bencana tertangani"));
        Assert.StartsWith("🔎 Rincian Korban bencana tertangani (SPM)\nLuwu Timur, Oktober 2026\n", drill);
        Assert.Contains("1 laporan, terbaru dulu", drill);

        var province = await bot.SendAsync(BotHarness.AdminId, "/laporanbulanan okt 2026 Sulawesi Barat");
        Assert.StartsWith("📊 Laporan Bulanan SPM — Oktober 2026, Provinsi Sulawesi Barat", province[0].Text);
        var luwu = replies;
        Assert.Equal(luwu[0].Text, (await bot.SendAsync(BotHarness.AdminId, "/laporanbulanan Luwu Timur"))[0].Text); // empty month = last month
    }

    [Fact]
    public async Task A_month_not_understood_or_not_yet_come_gets_an_indonesian_answer_with_examples()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        bot.Clock.SetUtcNow(November2);
        var answer = await bot.Say(BotHarness.AdminId, "/laporanbulanan xyz");
        Assert.Equal("Maaf, bulan \"xyz\" tidak dikenali.\n" + MonthArgument.Examples, answer);
        Assert.Contains("Contoh: /laporanbulanan oktober 2026", answer);
        Assert.Equal("Maaf, bulan \"13/2026\" tidak dikenali.\n" + MonthArgument.Examples, await bot.Say(BotHarness.AdminId, "/laporanbulanan 13/2026"));
        Assert.Contains("belum dapat dibuat: bulannya belum tiba", await bot.Say(BotHarness.AdminId, "/laporanbulanan desember 2026"));
        Assert.Contains("Wilayah \"atlantis\" tidak dikenal", await bot.Say(BotHarness.AdminId, "/laporanbulanan oktober atlantis"));
    }

    [Fact]
    public async Task Only_officers_and_admins_may_ask_and_an_officer_only_for_their_area()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        await Scenario.RegisterApprovedAsync(bot, "20", "Siti Petugas", role: "Petugas Dinas", kecamatan: "Wotu");
        bot.Clock.SetUtcNow(November2);
        Assert.Equal("Perintah itu khusus petugas dinas.", await bot.Say("10", "/laporanbulanan"));
        Assert.Contains("/laporanbulanan - Laporan bulanan SPM", await bot.Say("20", "/bantuan"));
        Assert.DoesNotContain("/laporanbulanan", await bot.Say("10", "/bantuan"));
        Assert.StartsWith("📊 Laporan Bulanan SPM — Oktober 2026, Kec. Wotu", await bot.Say("20", "/laporanbulanan"));
        Assert.Equal("Anda hanya dapat melihat laporan wilayah Wotu.", await bot.Say("20", "/laporanbulanan oktober Malili"));
    }
}

public sealed class MonthArgumentTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("", 2026, 10)]
    [InlineData("oktober", 2026, 10)]
    [InlineData("Oktober 2026", 2026, 10)]
    [InlineData("okt 2026", 2026, 10)]
    [InlineData("10/2026", 2026, 10)]
    [InlineData("2026-10", 2026, 10)]
    [InlineData("bulan lalu", 2026, 10)]
    [InlineData("bulan ini", 2026, 11)]
    [InlineData("desember", 2025, 12)] // the latest December that has begun
    [InlineData("sept 2025", 2025, 9)]
    [InlineData("agt", 2026, 8)]
    [InlineData("mei 2024", 2024, 5)]
    [InlineData("novmber", 2026, 11)] // a slip of the thumb in a full name
    [InlineData("okotber 2026", 2026, 10)]
    public void Reads_the_month_officers_type(string text, int year, int month)
    {
        var parsed = MonthArgument.Parse(text, Today);
        Assert.Equal((new DateOnly(year, month, 1), ""), (parsed.Month!.Value, parsed.Rest));
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("13/2026")]
    [InlineData("ma")]
    [InlineData("0/2026")]
    [InlineData("2026-13")]
    public void Anything_else_is_no_month(string text) => Assert.Null(MonthArgument.Parse(text, Today).Month);

    [Fact]
    public void The_words_left_are_the_area() =>
        Assert.Equal(new MonthArgument.Parsed(new DateOnly(2026, 10, 1), "luwu timur"), MonthArgument.Parse("okt 2026 Luwu Timur", Today));
}
