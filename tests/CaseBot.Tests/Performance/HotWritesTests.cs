using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Performance;

/// <summary>
/// The conversation and the replies of a message are written by statements of the store's own, not EF Core's change
/// tracker: what a unit of work did to them is what is stored, on both databases.
/// </summary>
public sealed class HotWritesTests
{
    private const string User = "test:77";
    private static readonly DateTimeOffset At = new(2026, 11, 25, 8, 0, 0, TimeSpan.FromHours(8));

    private static ICaseStoreFactory Stores(BotHarness bot) => bot.Services.GetRequiredService<ICaseStoreFactory>();

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_conversation_read_and_changed_is_stored_even_when_not_saved_by_name(StorageKind storage)
    {
        await using var bot = await BotHarness.StartAsync(storage);
        var stores = Stores(bot);
        await using (var store = await stores.OpenForUserAsync(User))
        {
            store.SaveConversation(new Conversation { UserKey = User, Flow = "ppks", State = "nama", DataJson = "{}", DraftVersion = 2, UpdatedAt = At });
            await store.CommitAsync();
        }
        await using (var store = await stores.OpenForUserAsync(User))
        {
            var read = (await store.GetConversationAsync(User))!;
            read.State = "nik"; // as a flow's step leaves it, without SaveConversation (the change tracker wrote this before)
            read.DataJson = """{"name":"Warga Baruga"}""";
            await store.CommitAsync();
        }
        await using (var store = await stores.OpenForUserAsync(User))
        {
            var stored = (await store.GetConversationAsync(User))!;
            Assert.Equal(("ppks", "nik", """{"name":"Warga Baruga"}""", 2, At), (stored.Flow, stored.State, stored.DataJson, stored.DraftVersion, stored.UpdatedAt));
            Assert.Null(stored.RemindedAt);
        }
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_unit_of_work_sees_its_own_end_and_a_new_flow_started_after_it(StorageKind storage)
    {
        await using var bot = await BotHarness.StartAsync(storage);
        var stores = Stores(bot);
        await using (var store = await stores.OpenForUserAsync(User))
        {
            store.SaveConversation(new Conversation { UserKey = User, Flow = "bencana", State = "jenis", UpdatedAt = At, RemindedAt = At });
            await store.CommitAsync();
        }
        await using (var store = await stores.OpenForUserAsync(User))
        {
            Assert.NotNull(await store.GetConversationAsync(User));
            await store.EndConversationAsync(User);
            Assert.Null(await store.GetConversationAsync(User)); // ended in this unit: gone for it already
            await store.CommitAsync();
        }
        await using (var store = await stores.OpenForUserAsync(User))
        {
            Assert.Null(await store.GetConversationAsync(User));
            store.SaveConversation(new Conversation { UserKey = User, Flow = "bencana", State = "jenis", UpdatedAt = At, RemindedAt = At });
            await store.CommitAsync();
        }
        await using (var store = await stores.OpenForUserAsync(User))
        {
            await store.EndConversationAsync(User); // a handover: the old flow ends, the next starts in the same message
            store.SaveConversation(new Conversation { UserKey = User, Flow = "logistik", State = "kejadian", UpdatedAt = At.AddMinutes(1) });
            await store.CommitAsync();
        }
        await using (var store = await stores.OpenForUserAsync(User))
        {
            var stored = (await store.GetConversationAsync(User))!;
            Assert.Equal(("logistik", "kejadian", At.AddMinutes(1), (DateTimeOffset?)null), (stored.Flow, stored.State, stored.UpdatedAt, stored.RemindedAt));
        }
    }

    /// <summary>Rows with and without their optional parts, one after another on the same connections (a prepared
    /// statement must not keep the parameter types of the first row it saw). On a channel no dispatcher sends.</summary>
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Outbox_rows_are_stored_whole_whichever_parts_they_have(StorageKind storage)
    {
        await using var bot = await BotHarness.StartAsync(storage);
        var stores = Stores(bot);
        OutboxMessage Plain(int i) => new() { Channel = "hw", ChatId = "77", Text = $"Balasan {i}", CreatedAt = At, DueAt = DateTimeOffset.UnixEpoch };
        OutboxMessage Full(int i) => new()
        {
            Channel = "hw", ChatId = "77", ReporterId = 5, Text = $"Grafik {i}", ChoicesJson = """[{"Label":"Ya","Data":"y"}]""", AcceptsText = true,
            ReplacesMessageId = "m12", FileName = "capaian.png", FileContentType = "image/png", FileContent = [0x89, 0x50, (byte)i],
            SourceMessageId = $"wamid.{i}", Tag = "siaga:3", CreatedAt = At.AddSeconds(i), DueAt = DateTimeOffset.UnixEpoch,
        };
        var written = new List<OutboxMessage>();
        for (var i = 0; i < 6; i++)
            await using (var store = await stores.OpenForUserAsync(User))
            {
                var row = i % 2 == 0 ? Plain(i) : Full(i);
                written.Add(row);
                store.AddOutgoing(row);
                await store.CommitAsync();
            }

        var pending = await bot.Services.GetRequiredService<IOutboxStore>().PendingAsync("hw", 10, CancellationToken.None);
        Assert.Equal(written.Count, pending.Count);
        for (var i = 0; i < written.Count; i++)
        {
            var (w, p) = (written[i], pending[i]);
            Assert.Equal((w.ChatId, w.ReporterId, w.Text, w.ChoicesJson, w.AcceptsText, w.ReplacesMessageId, w.FileName, w.FileContentType),
                (p.ChatId, p.ReporterId, p.Text, p.ChoicesJson, p.AcceptsText, p.ReplacesMessageId, p.FileName, p.FileContentType));
            Assert.Equal((w.SourceMessageId, w.Tag, w.CreatedAt, w.DueAt, OutboxState.Pending, 0), (p.SourceMessageId, p.Tag, p.CreatedAt, p.DueAt, p.State, p.Attempts));
            Assert.Equal(w.FileContent, p.FileContent);
        }
        await using var db = bot.Db();
        Assert.Equal(written.Count, await db.Outbox.CountAsync(o => o.State == OutboxState.Pending && o.Channel == "hw"));
    }
}
