using CaseBot.Host;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseBot.Tests.Reliability;

/// <summary>What the bot remembers per message and per user is released after a while, not kept forever.</summary>
public sealed class GrowthTests
{
    [Fact]
    public async Task Old_message_ids_and_idle_user_locks_are_released()
    {
        await using var bot = await BotHarness.StartAsync((string?)null, null, "--CaseBot:Outbox:ProcessedMessageDays=14", "--CaseBot:Outbox:IdleLockMinutes=0");
        foreach (var user in new[] { "21", "22", "23" }) await bot.Say(user, "/start");
        bot.Clock.Advance(TimeSpan.FromDays(15));
        await bot.SendAsync("24", "/start", messageId: "baru");
        Assert.Equal(4, bot.Engine.UserLockCount);

        var service = bot.Services.GetServices<IHostedService>().OfType<OutboxService>().Single();
        await service.PruneAsync(CancellationToken.None);

        await using var db = bot.Db();
        Assert.Equal(["baru"], db.ProcessedMessages.Select(p => p.MessageId).ToList()); // older than 14 days: gone
        Assert.Equal(0, bot.Engine.UserLockCount);
        Assert.Contains("Selamat datang", await bot.Say("21", "/start")); // a released lock is made again when needed
    }
}
