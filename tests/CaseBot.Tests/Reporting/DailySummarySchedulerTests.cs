using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using CaseBot.Reporting.Commands.Summary;
using CaseBot.Reporting.Summary;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Reporting;

/// <summary>The clock starts on 15 March 2024, 10:00 WITA (02:00 UTC); summaries go out at 07:00 in the group's zone.</summary>
public sealed class DailySummarySchedulerTests
{
    private const string Group = "-1001";

    private static DateTimeOffset Wita(int day, int hour, int minute = 0) => new(2024, 3, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static async Task<BotHarness> WithGroupAsync(string? time = null)
    {
        var bot = await Scenario.StartWithReporterAsync();
        var registered = await bot.SendAsync(BotHarness.AdminId, "/daftargrup Luwu Timur", kind: ChatKind.Group, chatId: Group);
        Assert.Contains("akan menerima ringkasan harian Luwu Timur", registered.Single().Text);
        if (time is not null) await bot.SendAsync(BotHarness.AdminId, $"/waktugrup {time}", kind: ChatKind.Group, chatId: Group);
        await bot.Services.GetRequiredService<OutboxDispatchers>().SendDueAsync(BotHarness.Channel); // the replies so far
        return bot;
    }

    /// <summary>The summaries the test channel received (it also receives the bot's replies, through the same outbox).</summary>
    internal static IReadOnlyList<OutgoingMessage> Summaries(BotHarness bot) =>
        bot.Outbox.Sent.Where(m => m.Text.Contains("Ringkasan harian")).ToList();

    /// <summary>One check of the scheduler, then what its channel's outbox dispatcher sends of it.</summary>
    private static async Task<int> CheckAt(BotHarness bot, DateTimeOffset at)
    {
        bot.Clock.SetUtcNow(at);
        var stored = await bot.Services.GetRequiredService<DailySummaryScheduler>().SendDueAsync();
        await bot.Services.GetRequiredService<OutboxDispatchers>().SendDueAsync(BotHarness.Channel);
        return stored;
    }

    [Fact]
    public async Task One_summary_a_day_at_seven_wita_across_midnight_and_restarts()
    {
        var bot = await WithGroupAsync();
        await Scenario.ReportFloodAsync(bot, "10", jiwa: 120, tertangani: 100);
        Assert.Equal(1, await Scenario.VerifyAllAsync(bot, BotHarness.AdminId));

        Assert.Equal(0, await CheckAt(bot, Wita(15, 10))); // 07:00 today passed before the group was registered
        Assert.Equal(0, await CheckAt(bot, Wita(15, 23, 59)));
        Assert.Equal(0, await CheckAt(bot, Wita(16, 0, 1)));  // midnight crossed, not yet 07:00
        Assert.Equal(0, await CheckAt(bot, Wita(16, 6, 59)));
        Assert.Equal(1, await CheckAt(bot, Wita(16, 7, 0)));
        Assert.Equal(0, await CheckAt(bot, Wita(16, 7, 1)));

        var summary = Assert.Single(Summaries(bot));
        Assert.Equal(Group, summary.ChatId);
        Assert.Contains("Ringkasan harian Luwu Timur, 15 Maret 2024", summary.Text);
        Assert.Contains("Laporan baru: 1 bencana, 0 logistik, 0 PPKS.", summary.Text);
        Assert.Contains("Korban bencana tertangani (SPM): 83,33% (Tinggi)", summary.Text);
        Assert.DoesNotContain("terlambat", summary.Text);
        var (width, height) = CapaianChartTests.PngSize(summary.File!.Content);
        Assert.Equal((CapaianChart.Width, 120 + 56 * 4), (width, height)); // Luwu Timur's 4 indicators (SPM bencana and rehabilitasi, two PPKS)

        await using var restarted = await bot.RestartAsync(); // after the send: nothing again
        Assert.Equal(0, await CheckAt(restarted, Wita(16, 9)));
        Assert.Equal(1, await CheckAt(restarted, Wita(17, 7)));
        Assert.Contains("16 Maret 2024", Summaries(restarted).Single().Text);
    }

    [Fact]
    public async Task A_summary_missed_while_down_is_sent_once_on_start_marked_late()
    {
        var bot = await WithGroupAsync();
        Assert.Equal(0, await CheckAt(bot, Wita(16, 6, 30)));
        await using var restarted = await bot.RestartAsync(); // down from 06:30 until 09:15: 07:00 was missed
        Assert.Equal(1, await CheckAt(restarted, Wita(16, 9, 15)));
        Assert.Contains("(terlambat dikirim)", Summaries(restarted).Single().Text);
        Assert.Equal(0, await CheckAt(restarted, Wita(16, 9, 16)));
        Assert.Equal(1, await CheckAt(restarted, Wita(17, 7)));
        Assert.DoesNotContain("terlambat", Summaries(restarted)[1].Text);
    }

    [Fact]
    public async Task A_group_on_wib_gets_it_at_seven_wib_which_is_eight_wita()
    {
        await using var bot = await WithGroupAsync(time: "07:00 WIB");
        Assert.Equal(0, await CheckAt(bot, Wita(16, 7, 30)));
        Assert.Equal(1, await CheckAt(bot, Wita(16, 8, 0)));
        Assert.Equal(0, await CheckAt(bot, Wita(16, 23)));
    }

    [Fact]
    public async Task A_failed_send_is_tried_again_and_sent_once()
    {
        await using var bot = await WithGroupAsync();
        bot.Outbox.FailuresToSimulate = 2;
        Assert.Equal(1, await CheckAt(bot, Wita(16, 7))); // stored once; the first send fails
        Assert.Equal(0, await CheckAt(bot, Wita(16, 7, 1)));
        // The dispatcher tries again after its wait (1 s, then 2 s of real time) until the channel takes it.
        var dispatchers = bot.Services.GetRequiredService<OutboxDispatchers>();
        for (var i = 0; i < 100 && Summaries(bot).Count == 0; i++)
        {
            await Task.Delay(100);
            await dispatchers.SendDueAsync(BotHarness.Channel);
        }
        Assert.Equal(0, await CheckAt(bot, Wita(16, 7, 3)));
        Assert.Single(Summaries(bot));
        Assert.Equal(0, bot.Outbox.FailuresToSimulate);
    }

    [Fact]
    public async Task Each_registered_group_gets_its_own_and_a_removed_group_none()
    {
        await using var bot = await WithGroupAsync();
        await bot.SendAsync(BotHarness.AdminId, "/daftargrup Timor Tengah Utara", kind: ChatKind.Group, chatId: "-2002");
        await bot.SendAsync(BotHarness.AdminId, "/daftargrup", kind: ChatKind.Group, chatId: "-3003");
        await bot.SendAsync(BotHarness.AdminId, "/hapusgrup", kind: ChatKind.Group, chatId: "-3003");
        Assert.Equal(2, await CheckAt(bot, Wita(16, 7)));
        Assert.Equal(["-1001", "-2002"], Summaries(bot).Select(m => m.ChatId).Order());
        Assert.Contains(Summaries(bot), m => m.Text.Contains("Ringkasan harian Timor Tengah Utara"));
    }

    [Fact]
    public async Task Only_admins_register_groups_and_only_inside_a_group()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        Assert.Contains("khusus admin", (await bot.SendAsync("10", "/daftargrup", kind: ChatKind.Group, chatId: "-5")).Single().Text);
        Assert.Contains("di dalam grup", await bot.Say(BotHarness.AdminId, "/daftargrup"));
        Assert.Contains("tidak dikenal", (await bot.SendAsync(BotHarness.AdminId, "/daftargrup Atlantis", kind: ChatKind.Group, chatId: "-5")).Single().Text);
        await using var db = bot.Db();
        Assert.Empty(db.Groups);
    }
}

public sealed class DailySummaryOneInstanceTests
{
    [Fact]
    public async Task Two_instances_on_one_database_send_the_summary_once()
    {
        var first = await Scenario.StartWithReporterAsync();
        await first.SendAsync(BotHarness.AdminId, "/daftargrup Luwu Timur", kind: ChatKind.Group, chatId: "-77");
        await using var second = await BotHarness.StartAsync(first.Folder, first.Clock.GetUtcNow());
        var seven = new DateTimeOffset(2024, 3, 16, 7, 0, 0, TimeSpan.FromHours(8));
        first.Clock.SetUtcNow(seven);
        second.Clock.SetUtcNow(seven);

        var sent = await Task.WhenAll(
            first.Services.GetRequiredService<DailySummaryScheduler>().SendDueAsync(),
            second.Services.GetRequiredService<DailySummaryScheduler>().SendDueAsync());
        Assert.Equal(1, sent.Sum());
        await Task.WhenAll(first.Services.GetRequiredService<OutboxDispatchers>().SendDueAsync(BotHarness.Channel),
            second.Services.GetRequiredService<OutboxDispatchers>().SendDueAsync(BotHarness.Channel));
        Assert.Equal(1, DailySummarySchedulerTests.Summaries(first).Count + DailySummarySchedulerTests.Summaries(second).Count);
        await first.DisposeAsync();
    }
}
