using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Performance;

/// <summary>The sender's last inbound time (WhatsApp's 24-hour window) is written at commit by an upsert, without
/// reading the contact first: the first message inserts it, later ones move it, stored as the model stores times.</summary>
public class ContactTouchTests
{
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    [Fact]
    public async Task The_first_message_records_the_contact_and_each_later_one_moves_its_time()
    {
        await using var bot = await BotHarness.StartAsync(Storage);
        await bot.Say("21", "/start");
        var first = bot.Clock.GetUtcNow();
        bot.Clock.Advance(TimeSpan.FromHours(3));
        await bot.Say("22", "/start");
        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        await bot.Say("21", "halo");

        await using var db = bot.Db();
        var contacts = await db.Contacts.OrderBy(c => c.ChatId).ToListAsync();
        Assert.Equal(["21", "22"], contacts.Select(c => c.ChatId));
        Assert.Equal(first.AddHours(3).AddMinutes(5).ToUnixTimeMilliseconds(), contacts[0].LastInboundAt.ToUnixTimeMilliseconds());
        Assert.Equal(first.AddHours(3).ToUnixTimeMilliseconds(), contacts[1].LastInboundAt.ToUnixTimeMilliseconds());
        // Compared in SQL as well: the stored value is the model's number, not text beside it.
        Assert.Equal(1, await db.Contacts.CountAsync(c => c.LastInboundAt > first.AddHours(3)));
    }
}

public sealed class ContactTouchTestsOnPostgres : ContactTouchTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}
