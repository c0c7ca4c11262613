using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using CaseBot.Reporting.Commands.Monthly;
using CaseBot.Storage.Jobs;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Reporting;

/// <summary>
/// The clock starts on 15 March 2024, 10:00 WITA, when the Luwu Timur group is registered; the monthly report is due on
/// the first of each month at 08:00 in the group's zone (config/casebot.json), for the month before.
/// </summary>
public sealed class MonthlyReportSchedulerTests
{
    internal const string Group = "-1001";

    internal static DateTimeOffset Wita(int month, int day, int hour, int minute = 0) => new(2024, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    internal static async Task<BotHarness> WithGroupAsync()
    {
        var bot = await Scenario.StartWithReporterAsync();
        await bot.SendAsync(BotHarness.AdminId, "/daftargrup Luwu Timur", kind: ChatKind.Group, chatId: Group);
        await bot.Services.GetRequiredService<OutboxDispatchers>().SendDueAsync(BotHarness.Channel); // the replies so far
        return bot;
    }

    /// <summary>The monthly reports the test channel received (it also receives the bot's replies, through the same outbox).</summary>
    internal static IReadOnlyList<OutgoingMessage> Reports(BotHarness bot) =>
        bot.Outbox.Sent.Where(m => m.Text.StartsWith("📊 Laporan Bulanan SPM")).ToList();

    internal static IReadOnlyList<OutgoingMessage> Charts(BotHarness bot) =>
        bot.Outbox.Sent.Where(m => m.Text.StartsWith("📈 Grafik capaian")).ToList();

    /// <summary>One check of the scheduler at <paramref name="at"/>, then what the channel's outbox dispatcher sends of it.</summary>
    internal static async Task<int> CheckAt(BotHarness bot, DateTimeOffset at)
    {
        bot.Clock.SetUtcNow(at);
        var stored = await bot.Services.GetRequiredService<MonthlyReportScheduler>().SendDueAsync();
        await bot.Services.GetRequiredService<OutboxDispatchers>().SendDueAsync(BotHarness.Channel);
        return stored;
    }

    [Fact]
    public async Task Once_per_group_per_month_at_eight_wita_on_the_first()
    {
        await using var bot = await WithGroupAsync();
        Assert.Equal(0, await CheckAt(bot, Wita(3, 15, 10, 1))); // 1 March 08:00 passed before the group was registered
        Assert.Equal(0, await CheckAt(bot, Wita(3, 31, 23, 59)));
        Assert.Equal(0, await CheckAt(bot, Wita(4, 1, 7, 59)));
        Assert.Equal(1, await CheckAt(bot, Wita(4, 1, 8, 0)));
        Assert.Equal(0, await CheckAt(bot, Wita(4, 1, 8, 0))); // the same check again
        Assert.Equal(0, await CheckAt(bot, Wita(4, 1, 8, 1)));
        Assert.Equal(0, await CheckAt(bot, Wita(4, 30, 23, 59)));

        var report = Assert.Single(Reports(bot));
        Assert.Equal(Group, report.ChatId);
        Assert.StartsWith("📊 Laporan Bulanan SPM — Maret 2024, Kabupaten Luwu Timur", report.Text);
        Assert.DoesNotContain("terlambat", report.Text);
        Assert.Equal(("laporan-bulanan-luwu-timur-2024-03.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (report.File!.FileName, report.File.ContentType));
        var chart = Assert.Single(Charts(bot));
        Assert.Equal((Group, "image/png"), (chart.ChatId, chart.File!.ContentType));
        Assert.Equal(CaseBot.Reporting.Summary.CapaianChart.Width, CapaianChartTests.PngSize(chart.File.Content).Width);
        await using (var db = bot.Db())
            Assert.Equal(new DateOnly(2024, 3, 1), db.Groups.Single().LastMonthlyReport);

        Assert.Equal(1, await CheckAt(bot, Wita(5, 1, 8, 0)));
        Assert.Equal(0, await CheckAt(bot, Wita(5, 1, 9, 0)));
        Assert.Equal(["Maret 2024", "April 2024"], Reports(bot).Select(r => r.Text.Split('—')[1].Split(',')[0].Trim()));
    }

    [Fact]
    public async Task A_report_missed_while_down_is_sent_once_on_restart_marked_late()
    {
        var bot = await WithGroupAsync();
        Assert.Equal(0, await CheckAt(bot, Wita(3, 31, 22)));
        await using var restarted = await bot.RestartAsync(); // down from 31 March 22:00 until 3 April 10:00
        Assert.Equal(1, await CheckAt(restarted, Wita(4, 3, 10)));
        var late = Assert.Single(Reports(restarted));
        Assert.StartsWith("📊 Laporan Bulanan SPM — Maret 2024, Kabupaten Luwu Timur\n(terlambat dikirim", late.Text);
        Assert.Equal(0, await CheckAt(restarted, Wita(4, 3, 10, 1)));

        await using var again = await restarted.RestartAsync(); // a further restart owes nothing
        Assert.Equal(0, await CheckAt(again, Wita(4, 4, 8)));
        Assert.Equal(1, await CheckAt(again, Wita(5, 1, 8)));
        Assert.DoesNotContain("terlambat", Reports(again).Single().Text);
    }

    [Fact]
    public async Task Each_registered_group_gets_its_own_area_and_a_disabled_report_sends_nothing()
    {
        await using var bot = await WithGroupAsync();
        await bot.SendAsync(BotHarness.AdminId, "/daftargrup Timor Tengah Utara", kind: ChatKind.Group, chatId: "-2002");
        Assert.Equal(2, await CheckAt(bot, Wita(4, 1, 8)));
        Assert.Equal(["-1001", "-2002"], Reports(bot).Select(m => m.ChatId).Order());
        Assert.Contains(Reports(bot), m => m.Text.Contains("Maret 2024, Kabupaten Timor Tengah Utara"));
        Assert.Equal(2, Charts(bot).Count);

        await using var disabled = await BotHarness.StartAsync(TestDatabase.Create(StorageKind.Sqlite), Wita(3, 15, 10), "--CaseBot:MonthlyReport:Enabled=false");
        await using (var db = disabled.Db())
        {
            db.Groups.Add(new GroupChat { Channel = BotHarness.Channel, ChatId = "-9", Area = "Luwu Timur", RegisteredAt = Wita(3, 15, 10) });
            await db.SaveChangesAsync();
        }
        Assert.Equal(0, await CheckAt(disabled, Wita(4, 1, 8)));
    }
}

public sealed class MonthlyReportOneInstanceTests
{
    [Fact]
    public async Task Two_instances_on_one_database_send_the_report_once()
    {
        var first = await Scenario.StartWithReporterAsync();
        await first.SendAsync(BotHarness.AdminId, "/daftargrup Luwu Timur", kind: ChatKind.Group, chatId: "-77");
        await using var second = await BotHarness.StartAsync(first.Folder, first.Clock.GetUtcNow());
        var due = MonthlyReportSchedulerTests.Wita(4, 1, 8);
        first.Clock.SetUtcNow(due);
        second.Clock.SetUtcNow(due);

        var sent = await Task.WhenAll(
            first.Services.GetRequiredService<MonthlyReportScheduler>().SendDueAsync(),
            second.Services.GetRequiredService<MonthlyReportScheduler>().SendDueAsync());
        Assert.Equal(1, sent.Sum());
        await using (var db = first.Db())
            Assert.Equal(2, db.Outbox.Count(m => m.ChatId == "-77" && (m.Text.StartsWith("📊") || m.Text.StartsWith("📈"))));
        await first.DisposeAsync();
    }

    /// <summary>
    /// SQLite runs the two checks above one after the other, so the second finds the month recorded; this one holds the
    /// claim the way a second instance still composing the report would, and the scheduler must leave it to that one.
    /// </summary>
    [Fact]
    public async Task An_occurrence_another_instance_claimed_is_left_to_it()
    {
        await using var bot = await MonthlyReportSchedulerTests.WithGroupAsync();
        var due = MonthlyReportSchedulerTests.Wita(4, 1, 8);
        Assert.True(await bot.Services.GetRequiredService<IJobLock>().TryClaimAsync($"monthly:{BotHarness.Channel}:{MonthlyReportSchedulerTests.Group}", due));
        Assert.Equal(0, await MonthlyReportSchedulerTests.CheckAt(bot, due));
        Assert.Empty(MonthlyReportSchedulerTests.Reports(bot));
        Assert.Equal(1, await MonthlyReportSchedulerTests.CheckAt(bot, MonthlyReportSchedulerTests.Wita(5, 1, 8))); // next month is its own occurrence
    }
}
