using CaseBot.Tests.Support;
using static CaseBot.Tests.Reminders.ReminderClock;

namespace CaseBot.Tests.Reminders;

/// <summary>An open event not updated for 3 days asks its reporter once for figures or to close it.</summary>
public class StaleEventTests
{
    /// <summary>StaleEventTestsOnPostgres runs them again on PostgreSQL (the markers are conditional updates).</summary>
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    private const string User = "10";

    [Fact]
    public async Task A_stale_event_asks_its_reporter_once_and_its_close_button_closes_it()
    {
        await using var bot = await Scenario.StartWithReporterAsync(User, storage: Storage);
        Assert.Contains("BC-2024-0001", await Scenario.ReportFloodAsync(bot, User)); // 15 March, 10:00 WITA
        await FlushAsync(bot);

        Assert.Equal(0, await CheckAt(bot, Wita(18, 9, 59)));
        Assert.Equal(1, await CheckAt(bot, Wita(18, 10)));
        Assert.Equal(0, await CheckAt(bot, Wita(18, 11)));
        Assert.Equal(0, await CheckAt(bot, Wita(20, 11)));

        var ask = Assert.Single(Received(bot, User, "Halo"));
        Assert.Contains("BC-2024-0001 Banjir, Puncak Indah (Malili) terakhir diperbarui", ask.Text);
        Assert.Equal(["/ubah BC-2024-0001", "/tutup BC-2024-0001"], ask.Choices.Select(c => c.Data));

        var confirm = await bot.PressAsync(User, ask.Choices.Single(c => c.Label.Contains("Tanggap darurat selesai")).Data);
        Assert.Contains("Tutup BC-2024-0001", confirm.Single().Text);
        Assert.Contains("ditutup", await bot.Press(User, BotHarness.Data(confirm, "Ya, tutup")));
        await using (var db = bot.Db()) Assert.True(db.Events.Single().Closed);
        Assert.Equal(0, await CheckAt(bot, Wita(25, 10))); // closed: never asked again
    }

    [Fact]
    public async Task An_update_starts_a_new_stale_spell_asked_once_more()
    {
        await using var bot = await Scenario.StartWithReporterAsync(User, storage: Storage);
        await Scenario.ReportFloodAsync(bot, User);
        Assert.Equal(1, await CheckAt(bot, Wita(18, 10)));
        var update = Assert.Single(Received(bot, User, "Halo")).Choices[0].Data;
        bot.Clock.SetUtcNow(Wita(18, 12));
        await bot.Say(User, update);
        await bot.Say(User, "Mengungsi");
        await bot.Say(User, "55");
        Assert.Contains("tersimpan", await bot.Say(User, "simpan"));
        Assert.Equal(0, await CheckAt(bot, Wita(21, 11, 59)));
        Assert.Equal(1, await CheckAt(bot, Wita(21, 12)));
        Assert.Equal(2, Received(bot, User, "Halo").Count);
    }
}
