using CaseBot.Channels.Telegram;
using CaseBot.Domain.Abstractions;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot.Types;

namespace CaseBot.Tests.Telegram;

/// <summary>Telegram numbers updates from 1 again after a week without updates, and for a new bot token.</summary>
public sealed class UpdateIdResetTests
{
    private static Update Text(int updateId, long chat, int messageId) => new()
    {
        Id = updateId,
        Message = new Message
        {
            Id = messageId, Text = "halo", Date = DateTime.UtcNow,
            From = new User { Id = chat, FirstName = "Maria" }, Chat = new Chat { Id = chat, Type = global::Telegram.Bot.Types.Enums.ChatType.Private },
        },
    };

    [Fact]
    public void A_message_is_known_by_its_chat_and_id_not_by_the_update_id()
    {
        string Key(Update u) => UpdateMapper.Map(u, "CaseBot", 8)!.MessageId!;
        Assert.Equal(Key(Text(500, 31, 7)), Key(Text(1, 31, 7)));   // the same message under a restarted update id
        Assert.NotEqual(Key(Text(1, 31, 7)), Key(Text(1, 31, 8)));  // update id 1 again, a new message
        Assert.NotEqual(Key(Text(1, 31, 7)), Key(Text(1, 32, 7)));  // message ids are per chat
    }

    [Fact]
    public async Task The_polling_offset_follows_the_last_update_fetched_even_when_ids_restart()
    {
        await using var bot = await BotHarness.StartAsync();
        var stores = bot.Services.GetRequiredService<ICaseStoreFactory>();
        foreach (var position in new long[] { 500, 3 })
        {
            await using var store = stores.Create();
            await store.SetCursorAsync(UpdateMapper.ChannelName, position);
            await store.CommitAsync();
        }
        await using var read = stores.Create();
        Assert.Equal(3, await read.GetCursorAsync(UpdateMapper.ChannelName)); // kept at 500, getUpdates(501) would never return update 4
    }
}
