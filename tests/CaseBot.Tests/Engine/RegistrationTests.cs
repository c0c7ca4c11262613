using CaseBot.Domain.Entities;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Engine;

public class RegistrationTests
{
    /// <summary>The database these flows run on; RegistrationTestsOnPostgres runs them all again on PostgreSQL.</summary>
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    [Fact]
    public async Task Unknown_user_is_refused_reports_and_data_and_told_to_register()
    {
        await using var bot = await BotHarness.StartAsync(Storage);
        foreach (var command in new[] { "/bencana", "/logistik", "/ppks" })
            Assert.Contains("/daftar", await bot.Say("1", command));
        Assert.Contains("belum terdaftar", await bot.Say("1", "/laporanku"));
        Assert.Contains("belum terdaftar", await bot.Say("1", "/status PK-2024-0001"));
        Assert.Contains("belum terdaftar", await bot.Say("1", "halo"));
        await using var db = bot.Db();
        Assert.Empty(db.Conversations);
    }

    [Fact]
    public async Task Reporter_registers_waits_is_approved_by_admin_button_and_is_told()
    {
        await using var bot = await BotHarness.StartAsync(Storage);
        await Scenario.RegisterAdminAsync(bot);

        Assert.Contains("nama lengkap", await bot.Say("7", "/daftar"));
        Assert.Contains("peran", await bot.Say("7", "Siti Rahma"));
        Assert.Contains("kabupaten", await bot.Say("7", "TKSK"));
        var kecamatanQuestion = await bot.SendAsync("7", "Luwu Timur");
        Assert.Equal(11, kecamatanQuestion.Single().Choices.Count); // Luwu Timur's 11 kecamatan
        Assert.Contains("Tomoni Timur", kecamatanQuestion.Single().Choices.Select(c => c.Label));
        var summary = await bot.Say("7", "Wotu");
        Assert.Contains("Siti Rahma", summary);
        Assert.Contains("TKSK", summary);

        var sent = await bot.SendAsync("7", "simpan");
        Assert.Contains("Admin akan memeriksa", sent.Single(m => m.ChatId == "7").Text);
        var notice = sent.Single(m => m.ChatId == BotHarness.AdminId);
        Assert.Contains("Siti Rahma", notice.Text);

        Assert.Contains("menunggu persetujuan", await bot.Say("7", "/ppks"));

        var approval = await bot.PressAsync(BotHarness.AdminId, BotHarness.Data([notice], "Setujui"));
        Assert.Contains("disetujui", approval.Single(m => m.ChatId == BotHarness.AdminId).Text);
        Assert.Contains("disetujui", approval.Single(m => m.ChatId == "7").Text);

        await using var db = bot.Db();
        var reporter = await db.Reporters.Include(r => r.Identities).SingleAsync(r => r.Name == "Siti Rahma");
        Assert.Equal(ReporterStatus.Approved, reporter.Status);
        Assert.Equal(ReporterRole.Tksk, reporter.Role);
        Assert.Equal(("Luwu Timur", "Wotu"), (reporter.Kabupaten, reporter.Kecamatan));
        Assert.Contains(db.Audit, a => a.Subject == $"USR-{reporter.Id}" && a.NewValue == "Approved");
        Assert.Contains("Jenis PPKS", await bot.Say("7", "/ppks"));
    }

    [Fact]
    public async Task Rejected_reporter_is_told_and_cannot_report()
    {
        await using var bot = await BotHarness.StartAsync(Storage);
        await Scenario.RegisterAdminAsync(bot);
        foreach (var answer in new[] { "/daftar", "Budi", "Tagana", "Luwu Timur", "Nuha", "simpan" })
            await bot.Say("8", answer);
        await using var db = bot.Db();
        var id = db.Reporters.Single(r => r.Name == "Budi").Id;
        var sent = await bot.SendAsync(BotHarness.AdminId, $"/tolak {id}");
        Assert.Contains("ditolak", sent.Single(m => m.ChatId == "8").Text);
        Assert.Contains("ditolak", await bot.Say("8", "/bencana"));
    }

    [Fact]
    public async Task Only_admins_may_approve()
    {
        await using var bot = await BotHarness.StartAsync(Storage);
        await Scenario.RegisterAdminAsync(bot);
        await Scenario.RegisterApprovedAsync(bot, "5", "Rina");
        foreach (var answer in new[] { "/daftar", "Joko", "Tagana", "Luwu Timur", "Nuha", "simpan" })
            await bot.Say("6", answer);
        Assert.Contains("khusus admin", await bot.Say("5", "/setujui 3"));
        await using var db = bot.Db();
        Assert.Equal(ReporterStatus.Pending, db.Reporters.Single(r => r.Name == "Joko").Status);
    }

    [Fact]
    public async Task Registration_rejects_a_kecamatan_outside_the_chosen_kabupaten_and_keeps_earlier_answers()
    {
        await using var bot = await BotHarness.StartAsync(Storage);
        await bot.Say("4", "/daftar");
        await bot.Say("4", "Yohanes Taek");
        await bot.Say("4", "Tagana");
        await bot.Say("4", "Timor Tengah Utara");
        var wrong = await bot.Say("4", "Malili");
        Assert.Contains("tidak ada di pilihan", wrong);
        var summary = await bot.Say("4", "Biboki Anleu");
        Assert.Contains("Yohanes Taek", summary);
        Assert.Contains("Biboki Anleu", summary);
    }
}
