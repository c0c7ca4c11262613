using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Reliability;

/// <summary>
/// Who may do what. Reporters see only their own reports; officers (Petugas) see their region; admins everything.
/// The NIK is masked except for admins; group chats never get personal data; every change is audited.
/// Cast: "10" Tagana in Malili reports a flood (BC-2024-0001) and a case with a NIK (PK-2024-0001).
/// </summary>
public class AccessRulesTests
{
    private const string Nik = "7324014507520001";
    private const string Group = "-100200";

    protected virtual StorageKind Storage => StorageKind.Sqlite;

    private async Task<BotHarness> WithReportsAsync()
    {
        var bot = await BotHarness.StartAsync(Storage);
        await Scenario.RegisterAdminAsync(bot);
        await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
        Assert.Contains("BC-2024-0001", await Scenario.ReportFloodAsync(bot, "10"));
        Assert.Contains("PK-2024-0001", await ReportCaseAsync(bot, "10", "Hasnah Lamusu", Nik));
        return bot;
    }

    private static async Task<string> ReportCaseAsync(BotHarness bot, string user, string name, string nik, string kecamatan = "Malili")
    {
        var last = "";
        foreach (var a in new[] { "/ppks", "Lanjut usia terlantar", name, nik, kecamatan, "Baruga" })
            last = await bot.Say(user, a);
        if (last.Contains("sudah ada kasus")) return last;
        foreach (var a in new[] { "Perempuan", "72", "Tinggal sendiri", "Permakanan", "baru" })
            last = await bot.Say(user, a);
        return await bot.Say(user, "simpan");
    }

    [Fact]
    public async Task A_reporter_cannot_read_or_change_another_reporters_reports()
    {
        await using var bot = await WithReportsAsync();
        await Scenario.RegisterApprovedAsync(bot, "21", "Tagana Wotu", kecamatan: "Wotu");
        const string refused = "tidak ditemukan atau bukan wewenang Anda";

        foreach (var number in new[] { "BC-2024-0001", "PK-2024-0001", "pk 2024 1" })
        {
            var reply = await bot.Say("21", $"/status {number}");
            Assert.Contains(refused, reply);
            Assert.DoesNotContain("Hasnah", reply);
            Assert.DoesNotContain("7324", reply);
        }
        Assert.Contains(refused, await bot.Say("21", "/ubah PK-2024-0001"));
        // An event holds no personal data: reporters of its kabupaten may add figures, others may not.
        await Scenario.RegisterApprovedAsync(bot, "22", "Tagana Mamuju", kabupaten: "Mamuju", kecamatan: "Mamuju");
        Assert.Contains(refused, await bot.Say("22", "/ubah BC-2024-0001"));
        Assert.Contains("Angka mana yang berubah", await bot.Say("21", "/ubah BC-2024-0001"));
        await bot.Say("21", "/batal");
        Assert.Contains("belum punya laporan", await bot.Say("21", "/laporanku"));
        // A number that exists but with another year reads exactly like one that does not.
        Assert.Contains(refused, await bot.Say("10", "/status PK-2023-0001"));
        Assert.Contains(refused, await bot.Say("10", "/ubah PK-2023-0001"));

        await using var db = bot.Db();
        Assert.Empty(db.Conversations); // no flow was started on someone else's report
        Assert.Equal(CaseStatus.Baru, db.Cases.Single().Status);
    }

    [Fact]
    public async Task A_reporter_of_the_same_kecamatan_may_add_figures_to_its_event_but_not_read_its_cases()
    {
        await using var bot = await WithReportsAsync();
        await Scenario.RegisterApprovedAsync(bot, "11", "Tagana Malili Dua");
        Assert.Contains("Angka mana yang berubah", await bot.Say("11", "/ubah BC-2024-0001"));
        await bot.Say("11", "/batal");
        Assert.Contains("bukan wewenang", await bot.Say("11", "/status PK-2024-0001"));
    }

    [Fact]
    public async Task Officers_see_their_region_with_the_nik_masked_and_admins_see_it_in_full()
    {
        await using var bot = await WithReportsAsync();
        await Scenario.RegisterApprovedAsync(bot, "30", "Kasi Luwu Timur", role: "Petugas Dinas", kecamatan: "Seluruh kabupaten");
        await Scenario.RegisterApprovedAsync(bot, "31", "Petugas Wotu", role: "Petugas Dinas", kecamatan: "Wotu");
        await Scenario.RegisterApprovedAsync(bot, "32", "Petugas Mamuju", role: "Petugas Dinas", kabupaten: "Mamuju", kecamatan: "Seluruh kabupaten");

        var officer = await bot.Say("30", "/status PK-2024-0001");
        Assert.Contains("Hasnah Lamusu", officer);
        Assert.Contains("7324********0001", officer);
        Assert.DoesNotContain(Nik, officer);
        Assert.Contains("Banjir", await bot.Say("30", "/status BC-2024-0001"));
        foreach (var outsider in new[] { "31", "32" })
        {
            Assert.Contains("bukan wewenang", await bot.Say(outsider, "/status PK-2024-0001"));
            Assert.Contains("bukan wewenang", await bot.Say(outsider, "/status BC-2024-0001"));
        }
        Assert.Contains(Nik, await bot.Say(BotHarness.AdminId, "/status PK-2024-0001"));
    }

    [Fact]
    public async Task A_group_chat_asking_for_a_case_gets_no_personal_data()
    {
        await using var bot = await WithReportsAsync();
        foreach (var (user, text) in new[]
                 {
                     (BotHarness.AdminId, "/status PK-2024-0001"), (BotHarness.AdminId, "/status@CaseBot PK-2024-0001"),
                     ("10", "/laporanku"), (BotHarness.AdminId, "/audit PK-2024-0001"), ("10", "/ubah PK-2024-0001"),
                     ("10", "/ppks"), (BotHarness.AdminId, "/menunggu"),
                 })
        {
            var replies = await bot.SendAsync(user, text, kind: ChatKind.Group, chatId: Group);
            var reply = Assert.Single(replies);
            Assert.Equal(Group, reply.ChatId);
            Assert.Contains("chat pribadi", reply.Text);
            Assert.DoesNotContain("Hasnah", reply.Text);
            Assert.DoesNotContain("7324", reply.Text);
        }
        Assert.Empty(await bot.SendAsync("10", "PK-2024-0001 siapa namanya?", kind: ChatKind.Group, chatId: Group));
        await using var db = bot.Db();
        Assert.Empty(db.Conversations);
    }

    [Fact]
    public async Task A_duplicate_outside_the_reporters_area_is_never_named_and_is_linked_for_officers()
    {
        await using var bot = await WithReportsAsync();
        await Scenario.RegisterApprovedAsync(bot, "21", "TKSK Wotu", role: "TKSK", kecamatan: "Wotu");
        var saved = await ReportCaseAsync(bot, "21", "Nama Lain", Nik, kecamatan: "Wotu");
        Assert.Contains("PK-2024-0002", saved);
        Assert.DoesNotContain("PK-2024-0001", saved);
        Assert.DoesNotContain("Hasnah", saved);

        await using var db = bot.Db();
        var link = db.PossibleDuplicates.Single();
        Assert.Equal((2, 1, PossibleDuplicate.ReasonNik), (link.CaseId, link.OtherCaseId, link.Reason));
    }

    [Fact]
    public async Task A_duplicate_in_the_reporters_own_area_by_another_reporter_shows_its_number_only()
    {
        await using var bot = await WithReportsAsync();
        await Scenario.RegisterApprovedAsync(bot, "11", "Tagana Malili Dua");
        var warning = await ReportCaseAsync(bot, "11", "Nama Lain", Nik);
        Assert.Contains("PK-2024-0001 (dilaporkan pelapor lain di wilayah Anda; NIK sama)", warning);
        Assert.DoesNotContain("Hasnah", warning);
        Assert.DoesNotContain("Lanjut usia", warning.Split("sudah ada kasus")[1]);
    }

    [Fact]
    public async Task Every_change_to_a_report_or_user_is_audited_and_only_admins_read_the_audit()
    {
        await using var bot = await WithReportsAsync();
        // A change to a case.
        var status = await bot.SendAsync("10", "/status PK-2024-0001");
        await bot.Press("10", BotHarness.Data(status, "Ubah status"));
        foreach (var a in new[] { "Status", "ditangani", "Sudah diantar makanan", "simpan" }) await bot.Say("10", a);
        // New figures for an event.
        foreach (var a in new[] { "/ubah BC-2024-0001", "Terdampak (jiwa)", "130", "simpan" }) await bot.Say("10", a);
        // A user rejected, then registering again with other details.
        foreach (var a in new[] { "/daftar", "Budi", "Tagana", "Luwu Timur", "Nuha", "simpan" }) await bot.Say("12", a);
        int budi;
        await using (var db = bot.Db()) budi = db.Reporters.Single(r => r.Name == "Budi").Id;
        await bot.Say(BotHarness.AdminId, $"/tolak {budi}");
        foreach (var a in new[] { "/daftar", "Budi Santoso", "TKSK", "Luwu Timur", "Wotu", "simpan" }) await bot.Say("12", a);

        await using (var db = bot.Db())
        {
            var audit = await db.Audit.ToListAsync();
            Assert.Contains(audit, a => a is { Subject: "PK-2024-0001", Field: "status", OldValue: "Baru", NewValue: "Ditangani" });
            Assert.Contains(audit, a => a is { Subject: "PK-2024-0001", Field: "keterangan" });
            Assert.Contains(audit, a => a is { Subject: "BC-2024-0001", Field: "terdampak_jiwa", OldValue: "120", NewValue: "130" });
            Assert.Contains(audit, a => a.Subject == $"USR-{budi}" && a is { Field: "status", NewValue: "Rejected" });
            Assert.Contains(audit, a => a.Subject == $"USR-{budi}" && a is { Field: "nama", OldValue: "Budi", NewValue: "Budi Santoso" });
            Assert.Contains(audit, a => a.Subject == $"USR-{budi}" && a is { Field: "kecamatan", OldValue: "Nuha", NewValue: "Wotu" });
            Assert.Contains(audit, a => a.Subject == $"USR-{budi}" && a is { Field: "status", OldValue: "Rejected", NewValue: "Pending" });
            Assert.All(audit, a => Assert.NotNull(a.ByReporterId));
        }

        Assert.Contains("khusus admin", await bot.Say("10", "/audit PK-2024-0001"));
        var trail = await bot.Say(BotHarness.AdminId, "/audit pk-2024-1");
        Assert.Contains("status Baru → Ditangani", trail);
        Assert.Contains("terdampak_jiwa 120 → 130", await bot.Say(BotHarness.AdminId, "/audit BC-2024-0001"));
        var user = await bot.Say(BotHarness.AdminId, $"/audit USR-{budi}");
        Assert.Contains("status menunggu persetujuan → ditolak", user);
        Assert.Contains("nama Budi → Budi Santoso", user);
    }
}

public sealed class AccessRulesTestsOnPostgres : AccessRulesTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}
