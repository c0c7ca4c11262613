using CaseBot.Domain.Entities;
using CaseBot.Engine.Flows;
using CaseBot.Host.Reminders;
using Microsoft.Extensions.DependencyInjection;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CaseBot.Tests.Reminders.ReminderClock;

namespace CaseBot.Tests.Reminders;

/// <summary>A flow left unanswered: one reminder after 2 hours (not in quiet hours), expiry after 48 (config/casebot.json).</summary>
public class DraftReminderTests
{
    /// <summary>DraftReminderTestsOnPostgres runs them again on PostgreSQL (the markers are conditional updates).</summary>
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    private const string User = "10";

    /// <summary>The reporter starts /bencana and answers the kind at <paramref name="at"/>; the kecamatan is pending.</summary>
    private async Task<BotHarness> LeftAtAsync(DateTimeOffset at)
    {
        var bot = await Scenario.StartWithReporterAsync(User, storage: Storage);
        bot.Clock.SetUtcNow(at);
        await bot.Say(User, "/bencana");
        Assert.Contains("kecamatan", await bot.Say(User, "Banjir"));
        await FlushAsync(bot);
        return bot;
    }

    [Fact]
    public async Task The_reminder_fires_once_with_the_pending_question_and_lanjutkan_asks_it_again()
    {
        await using var bot = await LeftAtAsync(Wita(15, 10));
        Assert.Equal(0, await CheckAt(bot, Wita(15, 11, 59)));
        Assert.Equal(1, await CheckAt(bot, Wita(15, 12)));
        Assert.Equal(0, await CheckAt(bot, Wita(15, 12, 5)));
        Assert.Equal(0, await CheckAt(bot, Wita(15, 18)));

        var reminder = Assert.Single(Received(bot, User, "⏰"));
        Assert.Contains("Laporan bencana Anda belum selesai", reminder.Text);
        Assert.Contains("kecamatan", reminder.Text);
        Assert.Equal(["▶️ Lanjutkan", "✖️ Batalkan"], reminder.Choices.Select(c => c.Label));

        var again = await bot.Press(User, FlowButtons.Resume);
        Assert.StartsWith("Lanjutkan laporan bencana", again);
        Assert.Contains("kecamatan", again);
        Assert.Contains("desa", await bot.Say(User, "Malili")); // the flow goes on where it was
    }

    [Fact]
    public async Task Two_instances_on_one_database_remind_once()
    {
        var first = await LeftAtAsync(Wita(15, 10));
        await using var second = await BotHarness.StartAsync(first.Database, first.Clock.GetUtcNow());
        first.Clock.SetUtcNow(Wita(15, 12));
        second.Clock.SetUtcNow(Wita(15, 12));
        // Both read the conversation as not reminded; the marker's conditional update lets one of them store it.
        var stored = await Task.WhenAll(
            first.Services.GetRequiredService<ReminderScheduler>().CheckAsync(),
            second.Services.GetRequiredService<ReminderScheduler>().CheckAsync());
        Assert.Equal(1, stored.Sum());
        await using (var db = first.Db())
            Assert.Single(await db.Outbox.Where(o => o.Text.StartsWith("⏰")).ToListAsync());
        await first.DisposeAsync();
    }

    [Fact]
    public async Task A_reminder_from_an_outdated_read_stores_nothing()
    {
        await using var bot = await LeftAtAsync(Wita(15, 10));
        var drafts = bot.Services.GetRequiredService<DraftReminders>();
        Conversation Read() { using var db = bot.Db(); return db.Conversations.AsNoTracking().Single(); }

        // Read, then answered by the user: nothing is stored for the question they already answered.
        var read = Read();
        bot.Clock.SetUtcNow(Wita(15, 11));
        Assert.Contains("desa", await bot.Say(User, "Malili"));
        bot.Clock.SetUtcNow(Wita(15, 12));
        Assert.False(await drafts.RemindAsync(read));

        // Read by a second instance, then reminded by the first: the second one's claim changes nothing.
        read = Read();
        Assert.Equal(1, await CheckAt(bot, Wita(15, 13)));
        Assert.False(await drafts.RemindAsync(read));
        await using var db = bot.Db();
        Assert.Single(await db.Outbox.Where(o => o.Text.StartsWith("⏰")).ToListAsync());
    }

    [Fact]
    public async Task Batalkan_under_the_reminder_cancels_the_flow()
    {
        await using var bot = await LeftAtAsync(Wita(15, 10));
        Assert.Equal(1, await CheckAt(bot, Wita(15, 12)));
        var cancel = Assert.Single(Received(bot, User, "⏰")).Choices.Single(c => c.Label.Contains("Batalkan")).Data;
        Assert.Contains("dibatalkan", await bot.Press(User, cancel));
        await using var db = bot.Db();
        Assert.Empty(db.Conversations);
    }

    [Fact]
    public async Task A_reminder_due_in_quiet_hours_waits_for_seven_in_the_morning()
    {
        // Left at 20:00 WITA: due at 22:00, inside 21:00-07:00.
        await using var bot = await LeftAtAsync(Wita(15, 20));
        Assert.Equal(0, await CheckAt(bot, Wita(15, 22)));
        Assert.Equal(0, await CheckAt(bot, Wita(16, 3)));
        Assert.Equal(0, await CheckAt(bot, Wita(16, 6, 59)));
        Assert.Empty(Received(bot, User, "⏰"));
        Assert.Equal(1, await CheckAt(bot, Wita(16, 7)));
        Assert.Single(Received(bot, User, "⏰"));
    }

    [Fact]
    public async Task Answering_before_it_is_due_stops_the_reminder()
    {
        await using var bot = await LeftAtAsync(Wita(15, 10));
        bot.Clock.SetUtcNow(Wita(15, 11, 50));
        Assert.Contains("desa", await bot.Say(User, "Malili"));
        Assert.Equal(0, await CheckAt(bot, Wita(15, 12)));
        Assert.Equal(0, await CheckAt(bot, Wita(15, 13, 49)));
        Assert.Empty(Received(bot, User, "⏰"));
        // Left again after that answer: a reminder of the new pause, once.
        Assert.Equal(1, await CheckAt(bot, Wita(15, 13, 50)));
        Assert.Contains("desa", Assert.Single(Received(bot, User, "⏰")).Text);
    }

    [Fact]
    public async Task After_48_hours_the_draft_expires_kept_in_the_audit_and_not_counted()
    {
        await using var bot = await LeftAtAsync(Wita(15, 10));
        Assert.Equal(1, await CheckAt(bot, Wita(15, 12)));
        Assert.Equal(0, await CheckAt(bot, Wita(17, 9, 59)));
        Assert.Equal(1, await CheckAt(bot, Wita(17, 10)));
        Assert.Equal(0, await CheckAt(bot, Wita(17, 10, 5)));

        var note = Assert.Single(Received(bot, User, "⌛"));
        Assert.Contains("Laporan bencana Anda tidak dilanjutkan selama 2 hari", note.Text);
        Assert.Contains("/bencana", note.Text);
        await using (var db = bot.Db())
        {
            Assert.Empty(db.Conversations);
            Assert.Empty(db.Events);
            var audit = Assert.Single(await db.Audit.Where(a => a.Field == "draf-kedaluwarsa").ToListAsync());
            Assert.Contains("banjir", audit.OldValue);
        }
        // The conversation is over: an answer to the old question starts nothing.
        Assert.DoesNotContain("desa", await bot.Say(User, "Malili"));
    }
}
