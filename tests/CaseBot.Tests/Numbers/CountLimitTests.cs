using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Numbers;

/// <summary>Counts a user types are bounded per field by configuration (CaseBot:CountLimits), with an Indonesian answer.</summary>
public sealed class CountLimitTests
{
    private static readonly string[] ToFirstCount = ["/bencana", "Banjir", "Malili", "Puncak Indah", "hari ini"];

    [Fact]
    public async Task A_billion_victims_is_refused_and_the_question_asked_again()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        foreach (var a in ToFirstCount) await bot.Say("10", a);

        var reply = await bot.Say("10", "1000000000");
        Assert.Contains("terlalu besar", reply);
        Assert.Contains("paling banyak 1.000.000", reply);
        Assert.Contains("meninggal", reply);
        Assert.Contains("hilang", await bot.Say("10", "3"));
    }

    [Fact]
    public async Task Three_counts_of_a_billion_in_one_message_never_save_a_negative_total()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        foreach (var a in ToFirstCount) await bot.Say("10", a);

        var reply = await bot.Say("10", "1000000000 1000000000 0 0 1000000000 0 0");
        Assert.Contains("terlalu besar", reply);
        Assert.DoesNotContain("-1.294.967.296", reply);
        foreach (var n in new[] { "1", "0", "0", "0", "100", "20", "50" }) reply = await bot.Say("10", n);
        Assert.Contains("BC-2024-0001", await bot.Say("10", "simpan"));
        await using var db = bot.Db();
        Assert.Equal(101, (await db.Events.SingleAsync()).Counts.TotalKorban);
    }

    [Fact]
    public async Task A_field_has_its_own_configured_maximum()
    {
        await using var bot = await BotHarness.StartAsync(extraArgs: ["--CaseBot:CountLimits:Fields:terdampak_kk=500"]);
        await Scenario.RegisterAdminAsync(bot);
        await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
        foreach (var a in ToFirstCount.Concat(["0", "0", "0", "0", "2000"])) await bot.Say("10", a);

        var reply = await bot.Say("10", "501");
        Assert.Contains("Terdampak (KK) 501 terlalu besar: paling banyak 500", reply);
        Assert.Contains("tertangani", await bot.Say("10", "500"));
    }

    [Fact]
    public async Task Aid_recipients_are_bounded_too()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        await Scenario.ReportFloodAsync(bot, "10");
        foreach (var a in new[] { "/logistik", "1", "Permakanan", "1.200", "porsi" }) await bot.Say("10", a);

        Assert.Contains("terlalu besar", await bot.Say("10", "1000000000"));
        Assert.Contains("terlalu besar", await bot.Say("10", "50000000000"));
    }

    [Fact]
    public async Task Aid_quantities_are_bounded_too()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        await Scenario.ReportFloodAsync(bot, "10");
        foreach (var a in new[] { "/logistik", "1", "Permakanan" }) await bot.Say("10", a);

        Assert.Contains("Jumlah 5.000.000 terlalu besar: paling banyak 1.000.000", await bot.Say("10", "5.000.000"));
        // Beyond what a figure can hold at all: still "too large", never "not a number".
        Assert.Contains("Jumlah 2.000.000.000 terlalu besar: paling banyak 1.000.000", await bot.Say("10", "2000000000"));
        Assert.Contains("Satuan", await bot.Say("10", "1.200"));
    }
}
