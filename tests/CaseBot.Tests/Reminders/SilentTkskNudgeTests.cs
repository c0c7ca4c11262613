using CaseBot.Domain.Entities;
using CaseBot.Tests.Support;
using static CaseBot.Tests.Reminders.ReminderClock;

namespace CaseBot.Tests.Reminders;

/// <summary>The TKSK of a kecamatan without reports for 7 days gets one nudge per silence.</summary>
public class SilentTkskNudgeTests
{
    /// <summary>SilentTkskNudgeTestsOnPostgres runs them again on PostgreSQL (the markers are conditional updates).</summary>
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    private const string Tksk = "20";

    [Fact]
    public async Task A_silent_kecamatan_nudges_its_tksk_once_per_silence()
    {
        await using var bot = await Scenario.StartWithReporterAsync(storage: Storage); // a Tagana in Malili: no nudge for Tagana
        await Scenario.RegisterApprovedAsync(bot, Tksk, "Sitti TKSK", "TKSK", kecamatan: "Wotu");
        await FlushAsync(bot);

        Assert.Equal(0, await CheckAt(bot, Wita(22, 9, 59))); // approved on the 15th at 10:00: not yet 7 days
        Assert.Equal(1, await CheckAt(bot, Wita(22, 10)));
        Assert.Equal(0, await CheckAt(bot, Wita(22, 11)));
        Assert.Equal(0, await CheckAt(bot, Wita(29, 10))); // the same silence: no second nudge

        var nudge = Assert.Single(Received(bot, Tksk, "Halo"));
        Assert.Contains("Sudah 7 hari belum ada laporan dari Kec. Wotu", nudge.Text);
        Assert.Contains(nudge.Choices, c => c.Data == "/ppks");
        Assert.DoesNotContain(bot.Outbox.Sent, m => m.ChatId == "10" && m.Text.Contains("belum ada laporan"));

        // A report from Wotu ends that silence; 7 quiet days after it, a new one starts and is nudged once.
        await using (var db = bot.Db())
        {
            Seed.Cases(db, 1, "Luwu Timur", "Wotu", new DateOnly(2024, 3, 30), CaseStatus.Baru);
            await db.SaveChangesAsync();
        }
        Assert.Equal(0, await CheckAt(bot, Wita(31, 10)));
        Assert.Equal(1, await CheckAt(bot, new DateTimeOffset(2024, 4, 6, 10, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal(2, Received(bot, Tksk, "Halo").Count);
    }

    [Fact]
    public async Task A_nudge_due_at_night_waits_for_the_morning()
    {
        await using var bot = await Scenario.StartWithReporterAsync(storage: Storage);
        await Scenario.RegisterApprovedAsync(bot, Tksk, "Sitti TKSK", "TKSK", kecamatan: "Wotu");
        await FlushAsync(bot);
        Assert.Equal(0, await CheckAt(bot, Wita(22, 21, 30)));
        Assert.Empty(Received(bot, Tksk, "Halo"));
        Assert.Equal(1, await CheckAt(bot, Wita(23, 7)));
    }
}
