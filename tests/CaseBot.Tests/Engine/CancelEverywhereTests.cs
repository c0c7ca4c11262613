using CaseBot.Tests.Support;

namespace CaseBot.Tests.Engine;

/// <summary>/batal after any number of answers, in every flow, saves nothing and ends the conversation.</summary>
public sealed class CancelEverywhereTests
{
    private static readonly Dictionary<string, string[]> Scripts = new()
    {
        ["bencana"] = ["/bencana", "Banjir", "Malili", "Puncak Indah", "hari ini", "0", "0", "1", "5", "20", "6", "10", "ubah"],
        ["logistik"] = ["/logistik", "1", "Sandang (pakaian)", "50", "paket", "50", "Orang", "Posko", "hari ini", "ubah"],
        ["ppks"] = ["/ppks", "Anak terlantar", "Andi", "lewati", "Wotu", "Lampia", "Laki-laki", "9", "Tidak sekolah", "Sandang", "baru", "ubah"],
    };

    public static TheoryData<string, int> Points()
    {
        var data = new TheoryData<string, int>();
        foreach (var (flow, script) in Scripts)
            for (var answered = 1; answered <= script.Length; answered++) data.Add(flow, answered);
        return data;
    }

    [Theory]
    [MemberData(nameof(Points))]
    public async Task Cancel_saves_nothing(string flow, int answered)
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        if (flow == "logistik") await Scenario.ReportFloodAsync(bot, "10");
        int[] before = Counts(bot);

        foreach (var line in Scripts[flow].Take(answered))
            Assert.DoesNotContain("gangguan", await bot.Say("10", line));
        Assert.Contains("dibatalkan", await bot.Say("10", "/batal"));

        Assert.Equal(before, Counts(bot));
        await using var db = bot.Db();
        Assert.Empty(db.Conversations);
        Assert.Contains("Tidak ada isian", await bot.Say("10", "/batal"));
    }

    [Fact]
    public async Task Cancel_during_registration_leaves_the_user_unregistered()
    {
        await using var bot = await BotHarness.StartAsync();
        foreach (var line in new[] { "/daftar", "Maria Taek", "PSM", "Timor Tengah Utara" }) await bot.Say("3", line);
        Assert.Contains("dibatalkan", await bot.Say("3", "/batal"));
        await using var db = bot.Db();
        Assert.Empty(db.Reporters);
        Assert.Contains("belum terdaftar", await bot.Say("3", "/ppks"));
    }

    private static int[] Counts(BotHarness bot)
    {
        using var db = bot.Db();
        return [db.Events.Count(), db.DisasterReports.Count(), db.Aid.Count(), db.Cases.Count(), db.Audit.Count()];
    }
}
