using CaseBot.Domain.Entities;
using CaseBot.Storage;
using CaseBot.Storage.Rollups;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Rollups;

/// <summary>`casebot rollups rebuild`, and the start of a bot whose database never had rollups, recompute exactly the
/// rollups that the writes kept.</summary>
public sealed class RollupRebuildTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task The_rebuild_command_and_a_start_reproduce_deleted_rollups(StorageKind storage)
    {
        var database = TestDatabase.Create(storage);
        await using var bot = await BotHarness.StartAsync(database);
        await using (var db = bot.Db())
        {
            var random = new Random(7);
            foreach (var (kabupaten, kecamatan) in new[] { ("Luwu Timur", "Malili"), ("Luwu Timur", "Wotu"), ("Mamuju", "Kalukku") })
            for (var i = 0; i < 8; i++)
            {
                var date = new DateOnly(2024, 1, 25).AddDays(random.Next(60));
                var e = Seed.Event(db, kabupaten, kecamatan, date, random.Next(100), random.Next(80), state: (VerificationState)random.Next(3));
                Seed.Aid(db, e, "permakanan", random.Next(1, 50), RecipientUnit.Orang, date, (VerificationState)random.Next(3));
                Seed.Cases(db, 2, kabupaten, kecamatan, date, (CaseStatus)random.Next(4), state: (VerificationState)random.Next(3));
            }
            await db.SaveChangesAsync();
            (await db.Cases.FirstAsync()).MergedIntoCaseId = 2;
            await db.SaveChangesAsync();
        }
        var kept = await SnapshotAsync(bot);
        Assert.NotEmpty(kept);

        await DeleteAsync(bot);
        Assert.Empty(await SnapshotAsync(bot));
        var run = await CasebotProcess.RunAsync(["rollups", "rebuild"], database.Environment.ToDictionary());
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(kept, await SnapshotAsync(bot));

        await DeleteAsync(bot);
        await bot.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(); // what the host does at start
        Assert.Equal(kept, await SnapshotAsync(bot));
    }

    private static async Task DeleteAsync(BotHarness bot)
    {
        await using var db = bot.Db();
        await db.EventRollups.ExecuteDeleteAsync();
        await db.AidRollups.ExecuteDeleteAsync();
        await db.CaseRollups.ExecuteDeleteAsync();
        await db.RollupStates.ExecuteDeleteAsync();
    }

    private static async Task<List<string>> SnapshotAsync(BotHarness bot)
    {
        await using var db = bot.Db();
        return await RollupSnapshot.TakeAsync(db);
    }
}
