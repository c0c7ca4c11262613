using CaseBot.Domain.Entities;
using CaseBot.Storage;
using CaseBot.Storage.GroupCommit;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Performance;

/// <summary>
/// SQLite's writer commits every unit of work waiting at that moment in one transaction, a savepoint each: fewer
/// syncs, the same outcome per unit of work. The gate is held while work queues up, so the batching is certain.
/// </summary>
public sealed class SqliteGroupCommitTests
{
    [Fact]
    public async Task Units_of_work_that_wait_together_commit_in_one_transaction_and_each_is_saved()
    {
        await using var bot = await BotHarness.StartAsync();
        var gate = new SemaphoreSlim(1, 1);
        await using var writer = new SqliteGroupCommit(bot.Database.ConnectionString, gate);

        await gate.WaitAsync(); // the writer is busy elsewhere: everything below waits for one turn
        var contexts = Enumerable.Range(1, 20).Select(_ => bot.Db()).ToList();
        var saves = contexts.Select((db, i) => Mark(db, $"m{i}")).Select(db => writer.SaveAsync(db, () => db.SaveChangesAsync())).ToList();
        gate.Release();
        await Task.WhenAll(saves);

        Assert.Equal(20, writer.Counts.Units);
        Assert.InRange(writer.Counts.Commits, 1, 2); // the first may have been taken before the rest queued
        await using var check = bot.Db();
        Assert.Equal(20, await check.ProcessedMessages.CountAsync(p => p.Channel == "group"));
        foreach (var db in contexts) await db.DisposeAsync();
    }

    [Fact]
    public async Task A_failing_unit_of_work_rolls_back_to_its_savepoint_and_fails_alone()
    {
        await using var bot = await BotHarness.StartAsync();
        await using (var seed = bot.Db())
            await Mark(seed, "taken").SaveChangesAsync();
        var gate = new SemaphoreSlim(1, 1);
        await using var writer = new SqliteGroupCommit(bot.Database.ConnectionString, gate);

        await gate.WaitAsync();
        await using var first = Mark(bot.Db(), "first");
        await using var duplicate = Mark(Mark(bot.Db(), "also-from-the-failing-one"), "taken"); // a redelivered id
        await using var last = Mark(bot.Db(), "last");
        var saves = new[] { first, duplicate, last }.Select(db => writer.SaveAsync(db, () => db.SaveChangesAsync())).ToList();
        gate.Release();

        await saves[0];
        await Assert.ThrowsAsync<DbUpdateException>(() => saves[1]);
        await saves[2];
        await using var check = bot.Db();
        Assert.Equal(["first", "last", "taken"],
            await check.ProcessedMessages.Where(p => p.Channel == "group").Select(p => p.MessageId).OrderBy(m => m).ToListAsync());
        // The failed one wrote nothing, not even its other row; the one committed with it is whole.
        Assert.Equal(2, writer.Counts.Units);
    }

    [Fact]
    public async Task A_context_reads_and_commits_again_after_its_group_commit()
    {
        await using var bot = await BotHarness.StartAsync();
        await using var writer = new SqliteGroupCommit(bot.Database.ConnectionString, new SemaphoreSlim(1, 1));
        await using var db = Mark(bot.Db(), "one");
        var outbox = new List<string>();
        await writer.SaveAsync(db, async () =>
        {
            await db.SaveChangesAsync();
            outbox.Add("after save"); // what a confirmation adds once ids exist
        });
        Assert.Equal(["after save"], outbox);
        Assert.Equal(1, await db.ProcessedMessages.CountAsync(p => p.Channel == "group")); // its own connection again
        await writer.SaveAsync(Mark(db, "two"), () => db.SaveChangesAsync());
        await using var check = bot.Db();
        Assert.Equal(2, await check.ProcessedMessages.CountAsync(p => p.Channel == "group"));
    }

    private static CaseBotDbContext Mark(CaseBotDbContext db, string messageId)
    {
        db.ProcessedMessages.Add(new ProcessedMessage { Channel = "group", MessageId = messageId, At = DateTimeOffset.UnixEpoch });
        return db;
    }
}
