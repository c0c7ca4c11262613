using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using CaseBot.Host.Reminders;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Reminders;

/// <summary>Runs the reminder checker at a time of the fake clock and sees what the test channel received.</summary>
internal static class ReminderClock
{
    /// <summary>A moment in March 2024, WITA (the harness starts on 15 March, 10:00 WITA).</summary>
    public static DateTimeOffset Wita(int day, int hour, int minute = 0) => new(2024, 3, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>Sends what is waiting (the replies so far), so <see cref="Received"/> shows only what comes after.</summary>
    public static Task FlushAsync(BotHarness bot) =>
        bot.Services.GetRequiredService<OutboxDispatchers>().SendDueAsync(BotHarness.Channel);

    /// <summary>One check of every reminder at <paramref name="at"/>, then what the channel's dispatcher sends of it.</summary>
    public static async Task<int> CheckAt(BotHarness bot, DateTimeOffset at)
    {
        bot.Clock.SetUtcNow(at);
        var stored = await bot.Services.GetRequiredService<ReminderScheduler>().CheckAsync();
        await FlushAsync(bot);
        return stored;
    }

    /// <summary>What the channel delivered to <paramref name="chatId"/> whose text starts with <paramref name="start"/>.</summary>
    public static IReadOnlyList<OutgoingMessage> Received(BotHarness bot, string chatId, string start) =>
        bot.Outbox.Sent.Where(m => m.ChatId == chatId && m.Text.StartsWith(start, StringComparison.Ordinal)).ToList();
}
