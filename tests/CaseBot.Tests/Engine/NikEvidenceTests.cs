using CaseBot.Tests.Support;

namespace CaseBot.Tests.Engine;

/// <summary>The NIK as evidence: its birth date and sex answer age and sex, its region is checked against the case's.</summary>
public class NikEvidenceTests
{
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    /// <summary>Born 5 July 1952 (day 45 = a woman), issued in Luwu Timur (7324); 71 on 15 March 2024.</summary>
    private const string LansiaNik = "7324014507520001";

    private Task<BotHarness> WithTkskAsync() => Scenario.StartWithReporterAsync("20", "Nurhayati TKSK", "TKSK", Storage);

    private static async Task<string> ToDescriptionAsync(BotHarness bot, string type, string nik)
    {
        var last = "";
        foreach (var a in new[] { "/ppks", type, "Hasnah", nik, "Malili", "Baruga" }) last = await bot.Say("20", a);
        return last;
    }

    [Fact]
    public async Task Sex_and_age_come_from_the_nik_and_are_confirmed_on_the_summary()
    {
        await using var bot = await WithTkskAsync();
        Assert.Contains("Ceritakan", await ToDescriptionAsync(bot, "lansia", LansiaNik)); // sex and age not asked again
        foreach (var a in new[] { "Tinggal sendiri", "Permakanan" }) await bot.Say("20", a);
        var summary = await bot.Say("20", "ditangani");
        Assert.Contains("Jenis kelamin: Perempuan (dari NIK)", summary);
        Assert.Contains("Umur: 71 tahun (dari NIK)", summary);
        Assert.DoesNotContain("NIK terbit", summary);
        await bot.Say("20", "simpan");
        await using var db = bot.Db();
        var c = db.Cases.Single();
        Assert.Equal(("Perempuan", 71), (c.Sex.ToString(), c.Age));
    }

    [Fact]
    public async Task A_type_that_contradicts_the_age_is_questioned()
    {
        await using var bot = await WithTkskAsync();
        await ToDescriptionAsync(bot, "Anak terlantar", LansiaNik);
        foreach (var a in new[] { "Tinggal sendiri", "Permakanan", "ditangani" }) await bot.Say("20", a);
        var reply = await bot.Say("20", "simpan");
        Assert.Contains("Umur 71 tahun tidak cocok dengan Anak terlantar", reply);
        Assert.Contains("Jenis PPKS apa?", reply); // back to the type
        Assert.Contains("Periksa laporan PPKS", await bot.Say("20", "Lanjut usia terlantar"));
        await bot.Say("20", "simpan");

        foreach (var a in new[] { "/ppks", "lansia", "Wa Ode", "lewati", "Malili", "Baruga", "P" }) await bot.Say("20", a);
        Assert.Contains("tidak cocok dengan Lanjut usia terlantar (60 tahun ke atas)", await bot.Say("20", "45"));
        Assert.Contains("Ceritakan", await bot.Say("20", "45")); // the same age again stands; the type is asked at Simpan
        foreach (var a in new[] { "Tinggal sendiri", "Permakanan", "baru" }) await bot.Say("20", a);
        Assert.Contains("Jenis PPKS apa?", await bot.Say("20", "simpan"));
        Assert.Contains("Periksa laporan PPKS", await bot.Say("20", "Penyandang disabilitas"));
        Assert.Contains("PK-2024-0002", await bot.Say("20", "simpan"));
        await using var db = bot.Db();
        Assert.Equal(["lansia-terlantar", "penyandang-disabilitas"], db.Cases.OrderBy(c => c.Id).Select(c => c.TypeCode).ToList());
    }

    [Fact]
    public async Task A_nik_from_another_kabupaten_is_noted_for_the_officer_not_refused()
    {
        await using var bot = await WithTkskAsync();
        await ToDescriptionAsync(bot, "lansia", "7604014507520001"); // issued in Mamuju
        foreach (var a in new[] { "Pindah ikut anak", "Permakanan" }) await bot.Say("20", a);
        Assert.Contains("NIK terbit di Kab. Mamuju, bukan Kab. Luwu Timur", await bot.Say("20", "baru"));
        Assert.Contains("PK-2024-0001", await bot.Say("20", "simpan"));
        await using var db = bot.Db();
        Assert.Contains("[Catatan: NIK terbit di Kab. Mamuju", db.Cases.Single().Description);
    }
}

public sealed class NikEvidenceTestsOnPostgres : NikEvidenceTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}
