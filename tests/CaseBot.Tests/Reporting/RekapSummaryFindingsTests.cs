using CaseBot.Engine.Messages;
using CaseBot.Tests.Support;

namespace CaseBot.Tests.Reporting;

/// <summary>Officers' findings on /rekap, /ringkasan and /capaian, played through the chat; today is 15 March 2024 (WITA).</summary>
public sealed class RekapSummaryFindingsTests
{
    private static async Task<BotHarness> WithOfficerAsync()
    {
        var bot = await Scenario.StartWithReporterAsync();
        await Scenario.RegisterApprovedAsync(bot, "30", "Pak Kasi Malili", role: "Petugas Dinas", kecamatan: "Malili");
        return bot;
    }

    private static async Task UpdateFirstFloodAsync(BotHarness bot, string userId, string tertangani)
    {
        var first = await bot.SendAsync(userId, "/bencana");
        await bot.Press(userId, BotHarness.Data(first, "BC-2024-0001"));
        await bot.Say(userId, "Tertangani");
        await bot.Say(userId, tertangani);
        await bot.Say(userId, "ubah");
        await bot.Say(userId, "Selesai");
        Assert.Contains("BC-2024-0001", await bot.Say(userId, "simpan"));
    }

    [Fact]
    public async Task Rekap_shows_new_events_and_updates_apart()
    {
        await using var bot = await WithOfficerAsync();
        await Scenario.ReportFloodAsync(bot, "10", tertangani: 50);
        await UpdateFirstFloodAsync(bot, "10", "120");

        var rekap = await bot.Say(BotHarness.AdminId, "/rekap");
        Assert.Contains("Bencana baru 1 · Pembaruan 1", rekap);
        Assert.Contains("Malili: bencana baru 1, pembaruan 1", rekap);
        Assert.DoesNotContain("bencana 2", rekap, StringComparison.OrdinalIgnoreCase);

        // The daily summary (of yesterday, asked the next day) counts them apart too.
        bot.Clock.Advance(TimeSpan.FromDays(1));
        var summary = await bot.Say("30", "/ringkasan");
        Assert.Contains("Laporan baru: 1 bencana, 0 logistik, 0 PPKS. Pembaruan bencana: 1.", summary);
    }

    [Fact]
    public async Task Ringkasan_lists_open_events_whatever_the_day_they_were_reported()
    {
        await using var bot = await WithOfficerAsync();
        await using (var db = bot.Db())
        {
            // Happened long ago but still being updated: open.
            var old = Seed.Event(db, "Luwu Timur", "Wotu", new DateOnly(2024, 1, 2), terdampak: 80, tertangani: 10);
            old.UpdatedAt = new DateTimeOffset(2024, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));
            // Not updated for more than OpenEventDays (30): no longer open.
            Seed.Event(db, "Luwu Timur", "Wotu", new DateOnly(2024, 1, 3), terdampak: 70, tertangani: 0);
            // Closed.
            Seed.Event(db, "Luwu Timur", "Wotu", new DateOnly(2024, 3, 12), terdampak: 60, tertangani: 60).Closed = true;
            await db.SaveChangesAsync();
        }
        // Two floods reported today, after the summarised day (yesterday).
        await Scenario.ReportFloodAsync(bot, "10", desa: "Puncak Indah");
        await Scenario.ReportFloodAsync(bot, "10", desa: "Lampia");

        var summary = await bot.Say(BotHarness.AdminId, "/ringkasan");
        Assert.DoesNotContain("Tidak ada kejadian bencana terbuka", summary);
        Assert.Contains("Puncak Indah (Malili)", summary);
        Assert.Contains("Lampia (Malili)", summary);
        Assert.Contains("BC-2024-0001", summary);
        Assert.DoesNotContain("BC-2024-0002", summary);
        Assert.DoesNotContain("BC-2024-0003", summary);
    }

    [Fact]
    public async Task Ringkasan_answers_for_the_region_asked_for_within_the_askers_scope()
    {
        await using var bot = await WithOfficerAsync();
        Assert.Contains("Ringkasan harian Majene", await bot.Say(BotHarness.AdminId, "/ringkasan Majene"));
        Assert.Contains("Ringkasan harian Malili", await bot.Say("30", "/ringkasan Malili"));
        var refused = await bot.Say("30", "/ringkasan Wotu");
        Assert.Contains("hanya dapat melihat ringkasan wilayah Malili", refused);
        Assert.DoesNotContain("Ringkasan harian", refused);
        Assert.Contains("Wilayah \"atlantis\" tidak dikenal", await bot.Say(BotHarness.AdminId, "/ringkasan Atlantis"));
    }

    [Fact]
    public async Task Capaian_this_week_is_a_period_and_an_unknown_period_is_named()
    {
        await using var bot = await WithOfficerAsync();
        var week = await bot.Say(BotHarness.AdminId, "/capaian wotu minggu ini");
        Assert.Contains("Capaian Kec. Wotu, minggu ini (11 Maret 2024 s.d. 17 Maret 2024)", week);
        Assert.DoesNotContain("tahun 2024", week);
        Assert.Contains("minggu lalu (4 Maret 2024 s.d. 10 Maret 2024)", await bot.Say(BotHarness.AdminId, "/capaian bencana minggu lalu"));

        var unknown = await bot.Say(BotHarness.AdminId, "/capaian wotu semester 1");
        Assert.Contains("Periode \"semester 1\" tidak dikenali;", unknown);
        Assert.Contains("Kec. Wotu", unknown);
        Assert.Contains("Periode \"tahun depan\" tidak dikenali;", await bot.Say(BotHarness.AdminId, "capaian bencana tahun depan"));
        Assert.Contains("Periode \"minggu depan\" tidak dikenali;", await bot.Say(BotHarness.AdminId, "/rekap minggu depan"));
    }

    [Fact]
    public async Task Export_takes_this_week_and_names_an_unknown_period()
    {
        await using var bot = await WithOfficerAsync();
        var week = Assert.Single(await bot.SendAsync("30", "/ekspor ppks minggu ini"));
        Assert.Contains("Kec. Malili, minggu ini (11 Maret 2024 s.d. 17 Maret 2024)", week.Text);
        Assert.NotNull(week.File);
        var unknown = Assert.Single(await bot.SendAsync("30", "/ekspor ppks semester 1"));
        Assert.Contains("Periode \"semester 1\" tidak dikenali; yang diekspor tahun 2024.", unknown.Text);
        Assert.NotNull(unknown.File);
    }

    [Fact]
    public async Task Capaian_in_a_registered_group_answers_for_the_groups_area()
    {
        await using var bot = await WithOfficerAsync();
        var registered = await bot.SendAsync(BotHarness.AdminId, "/daftargrup Wotu", kind: ChatKind.Group, chatId: "-200");
        Assert.Contains("ringkasan harian Wotu", Assert.Single(registered).Text);

        var admin = Assert.Single(await bot.SendAsync(BotHarness.AdminId, "/capaian bencana", kind: ChatKind.Group, chatId: "-200")).Text;
        Assert.Contains("Capaian Kec. Wotu", admin);
        var officer = Assert.Single(await bot.SendAsync("30", "/capaian", kind: ChatKind.Group, chatId: "-200")).Text;
        Assert.Contains("Capaian Kec. Wotu", officer);
        var rekap = Assert.Single(await bot.SendAsync("30", "/rekap", kind: ChatKind.Group, chatId: "-200")).Text;
        Assert.Contains("Rekap laporan baru Kec. Wotu", rekap);
        // An unregistered group still answers for the asker's area.
        Assert.Contains("Capaian Kec. Malili", Assert.Single(await bot.SendAsync("30", "/capaian", kind: ChatKind.Group, chatId: "-300")).Text);
    }
}
