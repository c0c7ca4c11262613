using CaseBot.Domain.Abstractions;
using CaseBot.Storage.Jobs;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Reliability;

/// <summary>Several bot instances on one PostgreSQL database (behind a webhook load balancer).</summary>
public sealed class SharedDatabaseTests
{
    [Fact]
    public async Task One_users_messages_are_never_handled_by_two_instances_at_once()
    {
        var database = TestDatabase.Create(StorageKind.Postgres);
        await using var a = await BotHarness.StartAsync(database);
        await using var b = await BotHarness.StartAsync(database);
        var storesA = a.Services.GetRequiredService<ICaseStoreFactory>();
        var storesB = b.Services.GetRequiredService<ICaseStoreFactory>();

        var held = await storesA.OpenForUserAsync("test:10");
        var sameUser = storesB.OpenForUserAsync("test:10");
        var otherUser = await storesB.OpenForUserAsync("test:11").WaitAsync(TimeSpan.FromSeconds(10)); // not blocked
        await otherUser.DisposeAsync();
        // The second instance has moved on as far as it can when PostgreSQL shows its lock request waiting; had it got
        // the lock, it would have completed instead.
        await using (var db = a.Db())
            for (var i = 0; i < 200 && !sameUser.IsCompleted; i++)
            {
                var waiting = await db.Database.SqlQueryRaw<int>(
                    "SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").SingleAsync();
                if (waiting > 0) break;
                await Task.Delay(50);
            }
        Assert.False(sameUser.IsCompleted, "a second instance got the user's lock while the first held it");
        await held.CommitAsync(); // the commit ends the lock
        await held.DisposeAsync();
        await (await sameUser.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
    }

    [Fact]
    public async Task A_double_tap_of_save_on_two_instances_saves_one_report()
    {
        var database = TestDatabase.Create(StorageKind.Postgres);
        await using var a = await BotHarness.StartAsync(database);
        await using var b = await BotHarness.StartAsync(database);
        await Scenario.RegisterAdminAsync(a);
        await Scenario.RegisterApprovedAsync(a, "10", "Rahmat Tagana");
        a.ErrorLog.Errors.Clear(); // EF logs its first connection to the database it then creates
        const int Tries = 12;
        for (var i = 0; i < Tries; i++)
        {
            var answers = new[] { "/bencana", "Kejadian baru", "Banjir", "Malili", $"Desa {i}", "hari ini", "0", "0", "1", "5", "20", "6", "10" };
            foreach (var answer in i == 0 ? answers.Where(x => x != "Kejadian baru") : answers) await a.Say("10", answer);
            // The same "Simpan" reaches both instances (a retried webhook), with different update ids.
            var replies = await Task.WhenAll(Task.Run(() => a.Say("10", "simpan")), Task.Run(() => b.Say("10", "simpan")));
            Assert.Single(replies, r => r.Contains("tersimpan dengan nomor"));
            Assert.DoesNotContain(replies, r => r.Contains("terjadi gangguan"));
        }
        await using var db = a.Db();
        Assert.Equal(Tries, db.Events.Count());
        Assert.Empty(a.ErrorLog.Errors.Concat(b.ErrorLog.Errors));
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_job_occurrence_is_claimed_by_exactly_one_instance(StorageKind storage)
    {
        var database = TestDatabase.Create(storage);
        var bots = new List<BotHarness>();
        for (var i = 0; i < 4; i++) bots.Add(await BotHarness.StartAsync(database));
        try
        {
            var locks = bots.Select(b => b.Services.GetRequiredService<IJobLock>()).ToList();
            var tonight = new DateTimeOffset(2024, 3, 15, 10, 0, 0, TimeSpan.Zero);
            var claims = await Task.WhenAll(locks.Select(l => Task.Run(() => l.TryClaimAsync("daily-summary", tonight))));
            Assert.Single(claims, c => c);
            Assert.False(await locks[0].TryClaimAsync("daily-summary", tonight)); // done is done, even for the winner
            Assert.True(await locks[1].TryClaimAsync("daily-summary", tonight.AddDays(1)));
            Assert.True(await locks[2].TryClaimAsync("backup", tonight));
        }
        finally
        {
            foreach (var bot in bots) await bot.DisposeAsync();
        }
    }
}
