using CaseBot.Domain.Entities;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Verification;

/// <summary>
/// Reports count as verified only once an officer of their area verified exactly the figures shown; until then capaian
/// shows them as provisional beside the verified figure. Everything is played through the engine.
/// </summary>
public class VerificationTests
{
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    private const string Tagana = "10";
    private const string Officer = "30"; // Petugas Dinas, Malili
    private const string OtherOfficer = "31"; // Petugas Dinas, Wotu

    private async Task<BotHarness> StartAsync(params string[] extraArgs)
    {
        var bot = await BotHarness.StartAsync(Storage, BotHarness.DefaultNow, extraArgs);
        await Scenario.RegisterAdminAsync(bot);
        await Scenario.RegisterApprovedAsync(bot, Tagana, "Rahmat Tagana");
        await Scenario.RegisterApprovedAsync(bot, Officer, "Pak Kasi Malili", role: "Petugas Dinas", kecamatan: "Malili");
        await Scenario.RegisterApprovedAsync(bot, OtherOfficer, "Bu Kasi Wotu", role: "Petugas Dinas", kecamatan: "Wotu");
        return bot;
    }

    /// <summary>The flood's report as the Malili officer's notice offers it, and the notice text.</summary>
    private static async Task<(string Text, string Verify, string Return)> ReportFloodAndReadNoticeAsync(BotHarness bot, int jiwa = 120, int tertangani = 100)
    {
        var start = await bot.SendAsync(Tagana, "/bencana");
        if (start.SelectMany(r => r.Choices).Any(c => c.Data == CaseBot.Engine.Flows.DisasterFlow.NewEvent)) await bot.Press(Tagana, CaseBot.Engine.Flows.DisasterFlow.NewEvent);
        foreach (var a in new[] { "Banjir", "Malili", "Puncak Indah", "hari ini", $"0 0 2 40 {jiwa} 30 {tertangani}" })
            await bot.Say(Tagana, a);
        var saved = await bot.SendAsync(Tagana, "simpan");
        Assert.Contains("tersimpan dengan nomor BC-2024-0001", saved.Single(m => m.ChatId == Tagana).Text);
        var notice = Assert.Single(saved, m => m.ChatId == Officer);
        Assert.DoesNotContain(saved, m => m.ChatId == OtherOfficer); // Wotu's officer is not asked about Malili
        return (notice.Text, notice.Choices.Single(c => c.Label.Contains("Verifikasi")).Data, notice.Choices.Single(c => c.Label.Contains("Kembalikan")).Data);
    }

    [Fact]
    public async Task Capaian_leads_with_verified_figures_and_shows_the_provisional_ones_beside_them()
    {
        await using var bot = await StartAsync();
        var (notice, verify, _) = await ReportFloodAndReadNoticeAsync(bot, jiwa: 120, tertangani: 100);
        Assert.Contains("BC-2024-0001 menunggu verifikasi (dari Rahmat Tagana)", notice);
        Assert.Contains("Korban 120 jiwa", notice);

        var before = await bot.Say(Officer, "/capaian bencana");
        Assert.Contains("Realisasi terverifikasi: belum ada data", before);
        Assert.Contains("⏳ Termasuk 1 laporan belum diverifikasi: 83,33% (100 dari 120 jiwa)", before);
        Assert.Contains("Target 100% → capaian: belum ada data", before);

        var verified = await bot.SendAsync(Officer, verify);
        Assert.Contains("✅ BC-2024-0001 terverifikasi. Antrean di wilayah Anda kosong.", verified.Single(m => m.ChatId == Officer).Text);
        Assert.Contains("sudah diverifikasi oleh Pak Kasi Malili", verified.Single(m => m.ChatId == Tagana).Text);
        var after = await bot.Say(Officer, "/capaian bencana");
        Assert.Contains("Realisasi 83,33% (100 dari 120 jiwa) · terverifikasi", after);
        Assert.Contains("Target 100% → capaian 83,33%", after);

        // An update waits again: the verified figure stays at the verified report's, the provisional one moves.
        await bot.Say(Tagana, "/ubah BC-2024-0001");
        await bot.Say(Tagana, "tertangani");
        await bot.Say(Tagana, "120");
        await bot.Say(Tagana, "simpan");
        var updated = await bot.Say(Officer, "/capaian bencana");
        Assert.Contains("Realisasi terverifikasi 83,33% (100 dari 120 jiwa)", updated);
        Assert.Contains("⏳ Termasuk 1 laporan belum diverifikasi: 100% (120 dari 120 jiwa)", updated);
        Assert.Contains("capaian 83,33%", updated);
        Assert.Equal(1, await Scenario.VerifyAllAsync(bot, Officer)); // the newest verified report's figures count
        Assert.Contains("Realisasi 100% (120 dari 120 jiwa) · terverifikasi", await bot.Say(Officer, "/capaian bencana"));

        var trail = await bot.Say(BotHarness.AdminId, "/audit BC-2024-0001");
        Assert.Contains("15 Maret 2024 10.00 oleh #", trail); // 02:00 UTC is 10:00 WITA
        Assert.Contains("verifikasi Belum diverifikasi → Terverifikasi v", trail);
        await using var db = bot.Db();
        var officerId = db.Reporters.Single(r => r.Name == "Pak Kasi Malili").Id;
        var audit = await db.Audit.Where(a => a.Subject == "BC-2024-0001" && a.Field == "verifikasi").ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(officerId, a.ByReporterId));
        Assert.Equal(BotHarness.DefaultNow, audit[0].At);
        Assert.StartsWith("Verified v", audit[0].NewValue);
    }

    [Fact]
    public async Task A_returned_report_reaches_its_reporter_with_a_button_to_correct_it_and_the_correction_is_verified()
    {
        await using var bot = await StartAsync();
        var (_, verify, giveBack) = await ReportFloodAndReadNoticeAsync(bot, jiwa: 120, tertangani: 100);

        var asked = await bot.SendAsync(Officer, giveBack);
        Assert.Contains("Mengapa BC-2024-0001 dikembalikan?", asked.Single().Text);
        var returned = await bot.SendAsync(Officer, BotHarness.Data(asked, "Angka tidak sesuai"));
        Assert.Contains("dikembalikan ke pelapor dengan alasan: Angka tidak sesuai data posko", returned.Single(m => m.ChatId == Officer).Text);
        var toReporter = returned.Single(m => m.ChatId == Tagana);
        Assert.Contains("dikembalikan oleh Pak Kasi Malili untuk diperbaiki.\nAlasan: Angka tidak sesuai data posko", toReporter.Text);
        Assert.Contains("sedang dikembalikan ke pelapor", await bot.Say(Officer, verify)); // nothing to verify until corrected
        Assert.Contains("Tidak ada laporan yang menunggu", await bot.Say(Officer, "/verifikasi"));

        // The reporter presses Perbaiki and corrects the figure; the correction waits for the officer again.
        Assert.Contains("BC-2024-0001", await bot.Press(Tagana, toReporter.Choices.Single(c => c.Label.Contains("Perbaiki")).Data));
        await bot.Say(Tagana, "tertangani");
        await bot.Say(Tagana, "90");
        var corrected = await bot.SendAsync(Tagana, "simpan");
        var again = corrected.Single(m => m.ChatId == Officer);
        Assert.Contains("tertangani 90", again.Text);
        Assert.Contains("✅ BC-2024-0001 terverifikasi", await bot.Press(Officer, again.Choices.Single(c => c.Label.Contains("Verifikasi")).Data));
        Assert.Contains("Realisasi 75% (90 dari 120 jiwa) · terverifikasi", await bot.Say(Officer, "/capaian bencana"));

        await using var db = bot.Db();
        var states = await db.DisasterReports.OrderBy(r => r.Id).Select(r => r.Verification.State).ToListAsync();
        Assert.Equal([VerificationState.Returned, VerificationState.Verified], states);
    }

    [Fact]
    public async Task A_button_for_figures_that_changed_meanwhile_shows_the_new_ones_instead_of_verifying_them_unseen()
    {
        await using var bot = await StartAsync();
        var (_, verify, _) = await ReportFloodAndReadNoticeAsync(bot);
        await bot.Say(Tagana, "/ubah BC-2024-0001");
        await bot.Say(Tagana, "tertangani");
        await bot.Say(Tagana, "110");
        await bot.Say(Tagana, "simpan");

        var stale = await bot.SendAsync(Officer, verify);
        var shown = stale.Single();
        Assert.Contains("baru saja diperbarui", shown.Text);
        Assert.Contains("tertangani 110", shown.Text);
        Assert.Contains("Berubah: tertangani 100 → 110", shown.Text); // what the update changed
        await using (var db = bot.Db())
            Assert.DoesNotContain(db.DisasterReports, r => r.Verification.State == VerificationState.Verified);
        Assert.Contains("terverifikasi", await bot.Press(Officer, BotHarness.Data(stale, "Verifikasi")));
        Assert.Contains("Realisasi 91,67% (110 dari 120 jiwa) · terverifikasi", await bot.Say(Officer, "/capaian bencana"));
    }

    [Fact]
    public async Task Only_verifiers_of_the_area_verify_and_never_their_own_report()
    {
        await using var bot = await StartAsync();
        var (_, verify, _) = await ReportFloodAndReadNoticeAsync(bot);
        Assert.Contains("khusus petugas dinas yang ditunjuk", await bot.Say(Tagana, verify));
        Assert.Contains("khusus petugas dinas yang ditunjuk", await bot.Say(Tagana, "/verifikasi"));
        Assert.DoesNotContain("/verifikasi", await bot.Say(Tagana, "/bantuan"));
        Assert.Contains("/verifikasi", await bot.Say(Officer, "/bantuan"));
        Assert.Contains("bukan di wilayah tugas Anda", await bot.Say(OtherOfficer, verify));
        Assert.Contains("Tidak ada laporan yang menunggu", await bot.Say(OtherOfficer, "/verifikasi"));

        // The officer's own report goes to another verifier (here the admin, who covers every area).
        foreach (var a in new[] { "/ppks", "Lanjut usia terlantar", "Hasnah", "tidak ada", "Malili", "Lampia", "Perempuan", "70",
                     "Tinggal sendiri", "Permakanan", "baru" })
            await bot.Say(Officer, a);
        var saved = await bot.SendAsync(Officer, "simpan");
        var own = saved.Single(m => m.ChatId == BotHarness.AdminId);
        Assert.Contains("laporan Anda sendiri", await bot.Say(Officer, own.Choices.Single(c => c.Label.Contains("Verifikasi")).Data));
        Assert.Contains("PK-2024-0001 terverifikasi", await bot.Press(BotHarness.AdminId, own.Choices.Single(c => c.Label.Contains("Verifikasi")).Data));
        await using var db = bot.Db();
        Assert.Equal(VerificationState.Pending, (await db.DisasterReports.SingleAsync()).Verification.State);
    }

    [Fact]
    public async Task An_officer_of_the_whole_kabupaten_is_asked_too_and_only_officers_are()
    {
        await using var bot = await StartAsync();
        const string kabupatenOfficer = "32", otherTagana = "11";
        await Scenario.RegisterApprovedAsync(bot, kabupatenOfficer, "Pak Kabid Luwu Timur", role: "Petugas Dinas", kecamatan: "Seluruh kabupaten");
        await Scenario.RegisterApprovedAsync(bot, otherTagana, "Sari Tagana"); // Malili, but Tagana do not verify
        var start = await bot.SendAsync(Tagana, "/bencana");
        if (start.SelectMany(r => r.Choices).Any(c => c.Data == CaseBot.Engine.Flows.DisasterFlow.NewEvent)) await bot.Press(Tagana, CaseBot.Engine.Flows.DisasterFlow.NewEvent);
        foreach (var a in new[] { "Banjir", "Malili", "Baruga", "hari ini", "0 0 2 40 90 30 10" })
            await bot.Say(Tagana, a);
        var saved = await bot.SendAsync(Tagana, "simpan");
        Assert.Contains("menunggu verifikasi", saved.Single(m => m.ChatId == kabupatenOfficer).Text);
        Assert.Contains("menunggu verifikasi", saved.Single(m => m.ChatId == Officer).Text);
        Assert.DoesNotContain(saved, m => m.ChatId is otherTagana or OtherOfficer or BotHarness.AdminId);
    }

    [Fact]
    public async Task The_queue_lists_the_newest_day_first_and_within_it_the_largest_report_first()
    {
        await using var bot = await StartAsync();
        await ReportFloodAndReadNoticeAsync(bot, jiwa: 20, tertangani: 5);
        await Scenario.ReportFloodAsync(bot, Tagana, desa: "Baruga", jiwa: 900, tertangani: 10);
        bot.Clock.Advance(TimeSpan.FromDays(1));
        await Scenario.ReportFloodAsync(bot, Tagana, desa: "Lampia", jiwa: 5, tertangani: 1);

        var queue = await bot.Say(Officer, "/verifikasi");
        Assert.Contains("3 laporan menunggu verifikasi", queue);
        var order = new[] { "Lampia", "Baruga", "Puncak Indah" }.Select(d => queue.IndexOf($"Desa {d}", StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.Equal(3, await Scenario.VerifyAllAsync(bot, Officer));
    }

    [Fact]
    public async Task A_case_counts_the_status_last_verified_and_a_returned_hand_out_counts_nowhere()
    {
        await using var bot = await StartAsync();
        foreach (var a in new[] { "/ppks", "Lanjut usia terlantar", "Hasnah", "tidak ada", "Malili", "Lampia", "Perempuan", "70",
                     "Tinggal sendiri", "Permakanan", "baru", "simpan" })
            await bot.Say(Tagana, a);
        Assert.Equal(1, await Scenario.VerifyAllAsync(bot, Officer));
        await bot.Say(Tagana, "/ubah PK-2024-0001");
        foreach (var a in new[] { "Status", "ditangani", "Sudah diantar makanan", "simpan" }) await bot.Say(Tagana, a);
        var ppks = await bot.Say(Officer, "/capaian ppks-ditangani");
        Assert.Contains("Realisasi terverifikasi 0% (0 dari 1 jiwa)", ppks);
        Assert.Contains("⏳ Termasuk 1 laporan belum diverifikasi: 100% (1 dari 1 jiwa)", ppks);
        Assert.Contains("Terverifikasi sebelumnya: status Baru", await bot.Say(Officer, "/verifikasi")); // what the update changed
        Assert.Equal(1, await Scenario.VerifyAllAsync(bot, Officer));
        Assert.Contains("Realisasi 100% (1 dari 1 jiwa) · terverifikasi", await bot.Say(Officer, "/capaian ppks-ditangani"));

        // A hand-out cannot be changed: returned, it is reported again and the first one counts nowhere.
        await Scenario.ReportFloodAsync(bot, Tagana);
        Assert.Equal(1, await Scenario.VerifyAllAsync(bot, Officer));
        var start = await bot.SendAsync(Tagana, "/logistik");
        await bot.Press(Tagana, BotHarness.Data(start, "BC-2024-0001"));
        foreach (var a in new[] { "Permakanan", "100", "paket", "100", "Orang", "lewati", "Posko Malili", "hari ini" })
            await bot.Say(Tagana, a);
        var saved = await bot.SendAsync(Tagana, "simpan");
        var notice = saved.Single(m => m.ChatId == Officer);
        var asked = await bot.SendAsync(Officer, notice.Choices.Single(c => c.Label.Contains("Kembalikan")).Data);
        var returned = await bot.SendAsync(Officer, BotHarness.Data(asked, "Laporan ganda"));
        var toReporter = returned.Single(m => m.ChatId == Tagana);
        Assert.Contains("Laporan ini tidak dihitung", toReporter.Text);
        Assert.Equal("/logistik", toReporter.Choices.Single().Data);
        var aid = await bot.Say(Officer, "/capaian logistik");
        Assert.DoesNotContain("belum diverifikasi", aid);
    }

    [Fact]
    public async Task Configuration_may_count_unverified_reports_in_the_leading_figure()
    {
        await using var bot = await StartAsync("--CaseBot:Verification:CountUnverified=true");
        await ReportFloodAndReadNoticeAsync(bot, jiwa: 120, tertangani: 100);
        var answer = await bot.Say(Officer, "/capaian bencana");
        Assert.Contains("Realisasi 83,33% (100 dari 120 jiwa), termasuk 1 laporan belum diverifikasi", answer);
        Assert.Contains("✅ Terverifikasi: belum ada data", answer);
        Assert.Contains("Target 100% → capaian 83,33%", answer);
    }
}

public sealed class VerificationTestsOnPostgres : VerificationTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}
