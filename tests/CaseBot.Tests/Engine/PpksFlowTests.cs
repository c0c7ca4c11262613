using CaseBot.Domain.Entities;
using CaseBot.Tests.Support;

namespace CaseBot.Tests.Engine;

public class PpksFlowTests
{
    /// <summary>The database these flows run on; PpksFlowTestsOnPostgres runs them all again on PostgreSQL.</summary>
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    private Task<BotHarness> WithTkskAsync() => Scenario.StartWithReporterAsync("20", "Nurhayati TKSK", "TKSK", Storage);

    /// <summary>The whole form; returns the duplicate question when one follows the form, else the reply to Simpan.</summary>
    private static async Task<string> ReportCaseAsync(BotHarness bot, string user, string name, string nik, string desa = "Baruga",
        string desc = "Tinggal sendiri, tidak ada keluarga", string status = "ditangani")
    {
        string last = "";
        // A NIK answers sex and age itself (its date and sex digits): they are asked only without one.
        string[] person = nik == "-" ? ["Perempuan", "72 tahun"] : [];
        foreach (var a in new[] { "/ppks", "Lanjut usia terlantar", name, nik, "Malili", desa }.Concat(person).Concat([desc, "Permakanan", status]))
            last = await bot.Say(user, a);
        if (last.Contains("Tambahkan ke")) return last;
        return await bot.Say(user, "simpan");
    }

    [Fact]
    public async Task A_case_is_saved_with_all_its_answers()
    {
        await using var bot = await WithTkskAsync();
        var types = await bot.SendAsync("20", "/ppks");
        Assert.Equal(26, types.Single().Choices.Count); // all 26 PPKS types, no paging on this channel
        var saved = await ReportCaseAsync(bot, "20", "Hasnah binti Lato", "7324 0141 0152 0001");
        Assert.Contains("PK-2024-0001", saved);

        await using var db = bot.Db();
        var c = db.Cases.Single();
        Assert.Equal("7324014101520001", c.Nik);
        Assert.Equal(("Hasnah binti Lato", Sex.Perempuan, 72, "Malili", "Baruga"), (c.Name, c.Sex, c.Age, c.Kecamatan, c.Desa));
        Assert.Equal(CaseStatus.Ditangani, c.Status);
        Assert.NotNull(c.HandledAt);
        Assert.Equal(new DateOnly(2024, 3, 15), c.ReportedOn);
    }

    [Theory]
    [InlineData("73240101015000", "16 angka")]
    [InlineData("9924010101500001", "provinsi")]
    [InlineData("73240199015000AB", "16 angka")]
    public async Task Invalid_nik_is_explained_and_can_be_skipped(string nik, string expected)
    {
        await using var bot = await WithTkskAsync();
        foreach (var a in new[] { "/ppks", "Penyandang disabilitas", "La Ode Muhammad" }) await bot.Say("20", a);
        var reply = await bot.Say("20", nik);
        Assert.Contains(expected, reply);
        Assert.Contains("Lewati", reply);
        Assert.Contains("kecamatan", await bot.Say("20", "lewati"));
    }

    [Fact]
    public async Task Same_nik_warns_and_the_report_can_be_attached_to_the_existing_case()
    {
        await using var bot = await WithTkskAsync();
        await ReportCaseAsync(bot, "20", "Hasnah", "7324014101520001");
        var warning = await ReportCaseAsync(bot, "20", "Hasna", "7324014101520001", desa: "Lampia",
            desc: "Sudah menerima permakanan rutin", status: "selesai");
        Assert.Contains("PK-2024-0001", warning);
        Assert.Contains("NIK sama", warning);

        Assert.Contains("ditambahkan ke PK-2024-0001", await bot.Say("20", "Tambahkan ke PK-2024-0001"));
        Assert.Contains("ditambahkan ke kasus PK-2024-0001", await bot.Say("20", "simpan"));

        await using var db = bot.Db();
        var c = db.Cases.Single();
        Assert.Equal(CaseStatus.Selesai, c.Status);
        Assert.Contains("Sudah menerima permakanan rutin", c.Description);
        Assert.Contains(db.Audit, a => a.Subject == "PK-2024-0001" && a.Field == "status" && a.OldValue == "Ditangani" && a.NewValue == "Selesai");
    }

    [Fact]
    public async Task Same_name_in_the_same_desa_warns_and_a_new_case_can_still_be_made()
    {
        await using var bot = await WithTkskAsync();
        await ReportCaseAsync(bot, "20", "Hasnah", "-");
        var warning = await ReportCaseAsync(bot, "20", "hasnah", "-");
        Assert.Contains("PK-2024-0001", warning);
        Assert.Contains("kasus baru", await bot.Say("20", "Tetap buat kasus baru"));
        Assert.Contains("PK-2024-0002", await bot.Say("20", "simpan"));
        await using var db = bot.Db();
        Assert.Equal(2, db.Cases.Count());
        Assert.All(db.Cases, c => Assert.Null(c.Nik));
    }

    [Fact]
    public async Task Status_shows_a_masked_nik_to_reporters_and_the_full_nik_to_admins()
    {
        await using var bot = await WithTkskAsync();
        await ReportCaseAsync(bot, "20", "Hasnah", "7324014101520001");
        var forReporter = await bot.Say("20", "/status PK-2024-0001");
        Assert.Contains("7324********0001", forReporter);
        Assert.DoesNotContain("7324014101520001", forReporter);
        Assert.Contains("7324014101520001", await bot.Say(BotHarness.AdminId, "/status pk-2024-1"));
    }

    [Fact]
    public async Task Another_reporter_cannot_read_the_case()
    {
        await using var bot = await WithTkskAsync();
        await Scenario.RegisterApprovedAsync(bot, "21", "Reporter Lain", kecamatan: "Wotu");
        await ReportCaseAsync(bot, "20", "Hasnah", "7324014101520001");
        var reply = await bot.Say("21", "/status PK-2024-0001");
        Assert.Contains("tidak ditemukan atau bukan wewenang Anda", reply);
        Assert.DoesNotContain("Hasnah", reply);
    }

    [Fact]
    public async Task Status_can_be_changed_later_with_an_audit_row()
    {
        await using var bot = await WithTkskAsync();
        await ReportCaseAsync(bot, "20", "Hasnah", "-");
        var status = await bot.SendAsync("20", "/status PK-2024-0001");
        Assert.Contains("Status: Ditangani", await bot.Press("20", BotHarness.Data(status, "Ubah status")));
        foreach (var a in new[] { "Status", "selesai", "Sudah dapat bantuan sosial", "ubah", "Layanan" }) await bot.Say("20", a);
        var summary = await bot.Say("20", "Bantuan sosial");
        Assert.Contains("Status: Ditangani → Selesai", summary);
        Assert.Contains("status Selesai", await bot.Say("20", "simpan"));
        await using var db = bot.Db();
        Assert.Equal(CaseStatus.Selesai, db.Cases.Single().Status);
        Assert.Contains(db.Audit, a => a.Field == "status" && a.NewValue == "Selesai" && a.ByReporterId != null);
        Assert.Contains("status Ditangani → Selesai", await bot.Say(BotHarness.AdminId, "/audit PK-2024-0001"));
    }
}
