using CaseBot.Reporting.Summary;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Numbers;

/// <summary>Reporting adds counts in 64 bits: figures each within int add up to more than int holds.</summary>
public sealed class LargeSumsTests
{
    private const int Billion = 1_000_000_000;

    /// <summary>Three aid reports of a billion recipients each, and one flood whose victims add up past int.</summary>
    private static async Task<BotHarness> WithHugeFiguresAsync()
    {
        var bot = await Scenario.StartWithReporterAsync();
        await Scenario.RegisterApprovedAsync(bot, "30", "Pak Kasi Malili", role: "Petugas Dinas", kecamatan: "Malili");
        await Scenario.ReportFloodAsync(bot, "10");
        foreach (var a in new[] { "/logistik", "1", "Permakanan", "1.200", "porsi", "400", "Orang", "Posko", "hari ini", "simpan" })
            await bot.Say("10", a);
        // Stored as an import or an older version would have left them: the limits of the chat do not apply to the database.
        await using var db = bot.Db();
        var aid = await db.Aid.SingleAsync();
        aid.Recipients = Billion;
        foreach (var _ in Enumerable.Range(0, 2))
            db.Aid.Add(new() { EventId = aid.EventId, Kabupaten = aid.Kabupaten, Kecamatan = aid.Kecamatan, ItemCode = aid.ItemCode,
                Quantity = aid.Quantity, Unit = aid.Unit, Recipients = Billion, RecipientUnit = aid.RecipientUnit, Place = aid.Place,
                Date = aid.Date, ReporterId = aid.ReporterId, CreatedAt = aid.CreatedAt });
        var flood = await db.Events.SingleAsync();
        (flood.Counts.TerdampakJiwa, flood.Counts.Meninggal, flood.Counts.Hilang) = (Billion, Billion, Billion);
        await db.SaveChangesAsync();
        bot.Clock.Advance(TimeSpan.FromDays(1));
        return bot;
    }

    [Fact]
    public async Task Ringkasan_adds_three_billion_recipients_without_overflow()
    {
        await using var bot = await WithHugeFiguresAsync();
        var reply = (await bot.SendAsync("30", "/ringkasan")).Single();
        Assert.Contains("Permakanan: 3.600 porsi untuk 3.000.000.000 orang", reply.Text);
        Assert.Contains("3.000.000.000 korban", reply.Text);
        Assert.Empty(bot.ErrorLog.Errors);
    }

    [Fact]
    public async Task The_group_summary_query_holds_the_sums_in_64_bits()
    {
        await using var bot = await WithHugeFiguresAsync();
        var region = bot.Services.GetRequiredService<CaseBot.Domain.Configuration.RegionCatalog>().Find("Luwu Timur")!;
        var data = await bot.Services.GetRequiredService<DailySummaryQuery>().ComputeAsync(region, new DateOnly(2024, 3, 15), silentDays: 3);
        Assert.Equal(3L * Billion, Assert.Single(data.AidByItem).Recipients);
        Assert.Equal(3L * Billion, Assert.Single(data.OpenEvents).Korban);
    }

    [Fact]
    public async Task Capaian_of_aid_recipients_adds_in_64_bits()
    {
        await using var bot = await WithHugeFiguresAsync();
        var reply = await bot.Say("30", "/capaian");
        Assert.DoesNotContain("kesalahan", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(bot.ErrorLog.Errors);
    }
}
