using CaseBot.Engine.Flows;

namespace CaseBot.Tests.Support;

/// <summary>Conversations the tests need as a starting point, played through the engine as a user would.</summary>
public static class Scenario
{
    /// <summary>A fresh bot with the admin and one approved reporter (user <paramref name="userId"/>, Malili).</summary>
    public static async Task<BotHarness> StartWithReporterAsync(string userId = "10", string name = "Rahmat Tagana", string role = "Tagana",
        StorageKind storage = StorageKind.Sqlite)
    {
        var bot = await BotHarness.StartAsync(storage);
        await RegisterAdminAsync(bot);
        await RegisterApprovedAsync(bot, userId, name, role);
        return bot;
    }

    /// <summary>The admin registers (auto-approved as a configured admin).</summary>
    public static async Task RegisterAdminAsync(BotHarness bot)
    {
        await bot.Say(BotHarness.AdminId, "/daftar");
        await bot.Say(BotHarness.AdminId, "Andi Admin");
        await bot.Say(BotHarness.AdminId, "Petugas Dinas");
        await bot.Say(BotHarness.AdminId, "Luwu Timur");
        await bot.Say(BotHarness.AdminId, "Seluruh kabupaten");
        await bot.Say(BotHarness.AdminId, "simpan");
    }

    /// <summary>A reporter registers and the admin approves with /setujui.</summary>
    public static async Task RegisterApprovedAsync(BotHarness bot, string userId, string name, string role = "Tagana",
        string kabupaten = "Luwu Timur", string kecamatan = "Malili")
    {
        await bot.Say(userId, "/daftar");
        await bot.Say(userId, name);
        await bot.Say(userId, role);
        await bot.Say(userId, kabupaten);
        await bot.Say(userId, kecamatan);
        await bot.Say(userId, "simpan");
        await using var db = bot.Db();
        var id = db.Reporters.Single(r => r.Name == name).Id;
        await bot.Say(BotHarness.AdminId, $"/setujui {id}");
    }

    /// <summary>The officer verifies every report waiting in their area, pressing the first Verifikasi button of the
    /// queue until it is empty; returns how many were verified.</summary>
    public static async Task<int> VerifyAllAsync(BotHarness bot, string officerId)
    {
        var verified = 0;
        for (var queue = await bot.SendAsync(officerId, "/verifikasi"); queue.SelectMany(m => m.Choices).Any(c => c.Label.StartsWith("✅ Verifikasi"));
             queue = await bot.SendAsync(officerId, "/verifikasi"))
        {
            Assert.Contains("terverifikasi", await bot.Press(officerId, BotHarness.Data(queue, "✅ Verifikasi")));
            verified++;
        }
        return verified;
    }

    /// <summary>A new flood in Malili with the given counts; returns the last reply.</summary>
    public static async Task<string> ReportFloodAsync(BotHarness bot, string userId, string desa = "Puncak Indah",
        int meninggal = 0, int hilang = 0, int luka = 2, int mengungsi = 40, int jiwa = 120, int kk = 30, int tertangani = 100)
    {
        var start = await bot.SendAsync(userId, "/bencana");
        if (start.SelectMany(r => r.Choices).Any(c => c.Data == DisasterFlow.NewEvent)) await bot.Press(userId, DisasterFlow.NewEvent);
        await bot.Say(userId, "Banjir");
        await bot.Say(userId, "Malili");
        await bot.Say(userId, desa);
        await bot.Say(userId, "hari ini");
        foreach (var n in new[] { meninggal, hilang, luka, mengungsi, jiwa, kk, tertangani })
            await bot.Say(userId, n.ToString());
        return await bot.Say(userId, "simpan");
    }
}
