using CaseBot.Domain.Entities;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Rollups;

/// <summary>A save inside a transaction someone else opened (the per-user lock's, a batch of units of work with a
/// savepoint each) refreshes the rollups in that transaction and leaves committing to its owner.</summary>
public sealed class RollupTransactionTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_save_in_an_outer_transaction_commits_or_rolls_back_with_it(StorageKind storage)
    {
        await using var bot = await BotHarness.StartAsync(storage);
        await using (var db = bot.Db())
        {
            await using var outer = await db.Database.BeginTransactionAsync();
            Seed.Event(db, "Luwu Timur", "Malili", new DateOnly(2024, 3, 1), terdampak: 10, tertangani: 5);
            await db.SaveChangesAsync();
            Assert.Equal(4, await db.EventRollups.CountAsync()); // kecamatan day and month, kabupaten day and month
            await outer.RollbackAsync(); // the owner changes its mind: rows and rollups both go
        }
        await using (var db = bot.Db())
        {
            Assert.Equal(0, await db.Events.CountAsync());
            Assert.Equal(0, await db.EventRollups.CountAsync());

            await using var outer = await db.Database.BeginTransactionAsync();
            Seed.Event(db, "Luwu Timur", "Malili", new DateOnly(2024, 3, 1), terdampak: 10, tertangani: 5);
            await db.SaveChangesAsync();
            await outer.CommitAsync();
        }
        await using (var db = bot.Db())
            Assert.Equal(10, await db.EventRollups.Where(r => r.Kecamatan == "*").SumAsync(r => r.All) / 2); // kabupaten day + month
    }
}
