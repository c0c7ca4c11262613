using CaseBot.Reporting.Summary;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Reminders;

/// <summary>/tutup: the end of an event's tanggap darurat (issue #15), next to the reminder that offers it.</summary>
public sealed class CloseEventTests
{
    private const string Reporter = "10";
    private const string Stranger = "11";
    private const string Number = "BC-2024-0001";

    private static async Task<BotHarness> WithFloodAsync()
    {
        var bot = await Scenario.StartWithReporterAsync(Reporter);
        await Scenario.RegisterApprovedAsync(bot, Stranger, "Budi Tagana", "Tagana", kecamatan: "Wotu");
        Assert.Contains(Number, await Scenario.ReportFloodAsync(bot, Reporter));
        return bot;
    }

    private static async Task CloseAsync(BotHarness bot, string userId)
    {
        var confirm = await bot.SendAsync(userId, $"/tutup {Number}");
        Assert.Equal(["✅ Ya, tutup", "❌ Batal"], confirm.Single().Choices.Select(c => c.Label));
        Assert.Contains($"{Number} ditutup", await bot.Press(userId, BotHarness.Data(confirm, "Ya, tutup")));
    }

    [Fact]
    public async Task A_closed_event_leaves_the_pickers_and_the_open_list()
    {
        await using var bot = await WithFloodAsync();
        Assert.Contains(Number, string.Join(" ", (await bot.SendAsync(Reporter, "/logistik")).SelectMany(m => m.Choices).Select(c => c.Label)));
        await bot.Say(Reporter, "/batal");

        await CloseAsync(bot, Reporter);

        Assert.Contains("Belum ada kejadian bencana terbuka", await bot.Say(Reporter, "/logistik"));
        var bencana = await bot.SendAsync(Reporter, "/bencana");
        Assert.DoesNotContain(bencana.SelectMany(m => m.Choices), c => c.Label.Contains(Number));
        await bot.Say(Reporter, "/batal");
        var query = bot.Services.GetRequiredService<DailySummaryQuery>();
        var region = bot.Services.GetRequiredService<CaseBot.Domain.Configuration.RegionCatalog>().Find("Luwu Timur")!;
        Assert.Empty((await query.ComputeAsync(region, new DateOnly(2024, 3, 15), 3, now: bot.Clock.GetUtcNow())).OpenEvents);

        await using var db = bot.Db();
        var e = db.Events.Single();
        Assert.True(e.Closed);
        Assert.Equal(bot.Clock.GetUtcNow(), e.ClosedAt);
        Assert.Equal(db.Reporters.Single(r => r.Name == "Rahmat Tagana").Id, e.ClosedByReporterId);
        Assert.Equal(1, e.Version); // raised from 0 by the close
        var audit = Assert.Single(await db.Audit.Where(a => a.Subject == Number).ToListAsync());
        Assert.Equal(("ditutup", "terbuka", "ditutup"), (audit.Field, audit.OldValue, audit.NewValue));
    }

    [Fact]
    public async Task A_closed_event_refuses_updates_with_a_way_forward()
    {
        await using var bot = await WithFloodAsync();
        bot.Clock.Advance(TimeSpan.FromHours(14)); // 16:00 UTC on 15 March is 00:00 WITA on the 16th
        await CloseAsync(bot, Reporter);
        var refused = await bot.Say(Reporter, $"/ubah {Number}");
        Assert.Contains("sudah ditutup pada 16 Maret 2024", refused);
        Assert.Contains("/bencana", refused);
        await using var db = bot.Db();
        Assert.Empty(db.Conversations);
        Assert.Contains("sudah ditutup", await bot.Say(Reporter, $"/tutup {Number}"));
    }

    [Fact]
    public async Task A_stranger_cannot_close_it_but_an_officer_of_the_area_can()
    {
        await using var bot = await WithFloodAsync();
        // Without a number, /tutup offers what this user may close: nothing to a Tagana of another kecamatan.
        Assert.Contains("Tidak ada kejadian terbuka yang bisa Anda tutup", await bot.Say(Stranger, "/tutup"));
        Assert.Equal([$"/tutup {Number}"], (await bot.SendAsync(Reporter, "/tutup")).Single().Choices.Select(c => c.Data));
        Assert.Contains("bukan wewenang", await bot.Say(Stranger, $"/tutup {Number}"));
        Assert.Contains("bukan wewenang", await bot.Say(Stranger, $"/tutup {Number} ya")); // a forged button too
        await using (var db = bot.Db()) Assert.False(db.Events.Single().Closed);

        await CloseAsync(bot, BotHarness.AdminId);
        await using (var db = bot.Db()) Assert.True(db.Events.Single().Closed);
    }

    [Fact]
    public async Task An_officer_of_the_area_reopens_a_mistaken_close_and_a_volunteer_cannot()
    {
        await using var bot = await WithFloodAsync();
        await CloseAsync(bot, Reporter);
        Assert.Contains("khusus petugas dinas", await bot.Say(Reporter, $"/bukakembali {Number}"));

        var reopened = await bot.SendAsync(BotHarness.AdminId, $"/bukakembali {Number}");
        Assert.Contains($"{Number} Banjir, Puncak Indah (Malili) dibuka kembali", reopened.Single(m => m.ChatId == BotHarness.AdminId).Text);
        Assert.Contains("dibuka kembali oleh Andi Admin", reopened.Single(m => m.ChatId == Reporter).Text);
        Assert.Contains(Number, string.Join(" ", (await bot.SendAsync(Reporter, "/logistik")).SelectMany(m => m.Choices).Select(c => c.Label)));
        await using var db = bot.Db();
        var e = db.Events.Single();
        Assert.False(e.Closed);
        Assert.Null(e.ClosedAt);
        Assert.Equal(2, db.Audit.Count(a => a.Subject == Number && a.Field == "ditutup"));
    }

    [Fact]
    public async Task Status_offers_the_close_button_to_who_may_close_and_shows_a_closed_event_without_buttons()
    {
        await using var bot = await WithFloodAsync();
        var open = (await bot.SendAsync(Reporter, $"/status {Number}")).Single();
        Assert.Equal([$"/ubah {Number}", $"/tutup {Number}"], open.Choices.Select(c => c.Data));

        await CloseAsync(bot, Reporter);
        var closed = (await bot.SendAsync(Reporter, $"/status {Number}")).Single();
        Assert.Contains("🔒 Ditutup", closed.Text);
        Assert.Empty(closed.Choices);
    }

    [Fact]
    public async Task Batal_keeps_it_open()
    {
        await using var bot = await WithFloodAsync();
        var confirm = await bot.SendAsync(Reporter, $"/tutup {Number}");
        Assert.Contains("tetap terbuka", await bot.Press(Reporter, BotHarness.Data(confirm, "Batal")));
        await using var db = bot.Db();
        Assert.False(db.Events.Single().Closed);
    }
}
