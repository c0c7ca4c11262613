using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using CaseBot.Tests.Support;

namespace CaseBot.Tests.Engine;

public class AidAndFollowUpTests
{
    /// <summary>The database these flows run on; AidAndFollowUpTestsOnPostgres runs them all again on PostgreSQL.</summary>
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    private Task<BotHarness> WithReporterAsync() => Scenario.StartWithReporterAsync(storage: Storage);

    [Fact]
    public async Task Aid_needs_an_event_first()
    {
        await using var bot = await WithReporterAsync();
        Assert.Contains("/bencana", await bot.Say("10", "/logistik"));
        await using var db = bot.Db();
        Assert.Empty(db.Conversations);
    }

    [Fact]
    public async Task Aid_handed_out_is_saved_for_the_event_with_a_photo()
    {
        await using var bot = await WithReporterAsync();
        await Scenario.ReportFloodAsync(bot, "10");
        var start = await bot.SendAsync("10", "/logistik");
        await bot.Press("10", BotHarness.Data(start, "BC-2024-0001"));
        await bot.Say("10", "Permakanan");
        Assert.Contains("lebih dari 0", await bot.Say("10", "0"));
        await bot.Say("10", "1.200");
        await bot.Say("10", "porsi");
        Assert.Contains("minimal 1", await bot.Say("10", "0"));
        await bot.Say("10", "400");
        await bot.Say("10", "Orang");
        var photo = await bot.Engine.HandleAsync(new IncomingMessage
        {
            Channel = BotHarness.Channel, UserId = "10", ChatId = "10", PhotoFileId = "photo-123", MessageId = "p1",
        });
        Assert.Contains("Foto disimpan", photo.Single().Text);
        await bot.Say("10", "Posko Puncak Indah");
        Assert.Contains("tidak boleh sebelum", await bot.Say("10", "01/03/2024"));
        var summary = await bot.Say("10", "hari ini");
        Assert.Contains("Foto bukti", summary);
        Assert.Contains("LG-2024-0001", await bot.Say("10", "simpan"));

        await using var db = bot.Db();
        var aid = db.Aid.Single();
        Assert.Equal(("permakanan", 1200m, "porsi", 400, RecipientUnit.Orang), (aid.ItemCode, aid.Quantity, aid.Unit, aid.Recipients, aid.RecipientUnit));
        Assert.Equal("photo-123", aid.PhotoFileId);
        Assert.Equal(db.Events.Single().Id, aid.EventId);
    }

    [Fact]
    public async Task My_reports_lists_each_kind_and_status_shows_one()
    {
        await using var bot = await WithReporterAsync();
        await Scenario.ReportFloodAsync(bot, "10");
        var list = await bot.Say("10", "/laporanku");
        Assert.Contains("BC-2024-0001: Banjir", list);
        var status = await bot.Say("10", "/status BC-2024-0001");
        Assert.Contains("Tertangani 100 dari 120 korban", status);
        Assert.Contains("tidak ditemukan", await bot.Say("10", "/status BC-2024-0099"));
        Assert.Contains("contoh", await bot.Say("10", "/status apa"));
    }

    [Fact]
    public async Task A_redelivered_message_changes_nothing_twice()
    {
        await using var bot = await WithReporterAsync();
        foreach (var a in new[] { "/bencana", "Banjir", "Malili", "Puncak Indah", "hari ini", "0", "0", "0", "5", "20", "6", "10" })
            await bot.Say("10", a);
        var first = await bot.SendAsync("10", "simpan", messageId: "tg-555");
        var again = await bot.SendAsync("10", "simpan", messageId: "tg-555");
        Assert.Contains("BC-2024-0001", first.Single(m => m.ChatId == "10").Text);
        Assert.Empty(again);
        await using var db = bot.Db();
        Assert.Single(db.Events);
    }

    [Fact]
    public async Task Unknown_text_outside_a_flow_gets_a_short_answer_and_the_menu_is_for_the_role()
    {
        await using var bot = await WithReporterAsync();
        // Free text: a greeting or "not understood", with the three likely commands as buttons, never the whole menu.
        var greeting = (await bot.SendAsync("10", "halo pak")).Single();
        Assert.StartsWith("Halo, ", greeting.Text);
        Assert.Equal(["/bencana", "/logistik", "/laporanku"], greeting.Choices.Select(c => c.Data));
        var unknown = (await bot.SendAsync("10", "asdfgh")).Single();
        Assert.StartsWith("Maaf, saya belum paham.", unknown.Text);
        Assert.DoesNotContain("/ubah", unknown.Text);
        Assert.Equal(3, unknown.Choices.Count);
        Assert.Contains("Laporan bencana", await bot.Press("10", unknown.Choices[0].Data)); // a button runs its command
        await bot.Say("10", "/batal");
        var help = await bot.Say("10", "/bantuan");
        Assert.Contains("/bencana", help);
        Assert.Contains("/laporanku", help);
        Assert.DoesNotContain("/setujui", help);
        Assert.Contains("/setujui", await bot.Say(BotHarness.AdminId, "/bantuan"));
        Assert.Contains("tidak dikenal", await bot.Say("10", "/entahlah"));
    }

    [Fact]
    public async Task Group_chats_get_no_reporting_and_no_personal_data()
    {
        await using var bot = await WithReporterAsync();
        Assert.Empty(await bot.SendAsync("10", "halo semua", kind: ChatKind.Group, chatId: "-100"));
        var refused = await bot.SendAsync("10", "/ppks", kind: ChatKind.Group, chatId: "-100");
        Assert.Contains("chat pribadi", refused.Single().Text);
        var status = await bot.SendAsync("10", "/status@CaseBot PK-2024-0001", kind: ChatKind.Group, chatId: "-100");
        Assert.Contains("chat pribadi", status.Single().Text);
    }

    [Fact]
    public async Task Overlong_text_is_refused_politely()
    {
        await using var bot = await WithReporterAsync();
        Assert.Contains("terlalu panjang", (await bot.Say("10", new string('a', 5000))).ToLowerInvariant());
    }
}
