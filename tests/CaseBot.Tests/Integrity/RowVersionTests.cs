using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Integrity;

/// <summary>Two units of work that read the same record and both change it: the second commit fails, never overwrites.</summary>
public class RowVersionTests
{
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    [Fact]
    public async Task The_second_of_two_interleaved_event_updates_is_refused_and_changes_nothing()
    {
        await using var bot = await BotHarness.StartAsync(Storage);
        int id;
        await using (var db = bot.Db())
        {
            var e = Seed.Event(db, "Luwu Timur", "Malili", new DateOnly(2024, 3, 14), terdampak: 120, tertangani: 100);
            e.Counts.Luka = 2;
            await db.SaveChangesAsync();
            id = e.Id;
        }
        var stores = bot.Services.GetRequiredService<ICaseStoreFactory>();
        await using var first = stores.Create();
        await using var second = stores.Create();
        var a = (await first.GetEventAsync(id))!;
        var b = (await second.GetEventAsync(id))!;

        a.Counts = new VictimCounts { Meninggal = 2, Luka = 2, TerdampakJiwa = 120, Tertangani = 100 };
        await first.CommitAsync();
        b.Counts = new VictimCounts { Meninggal = 0, Luka = 5, TerdampakJiwa = 120, Tertangani = 100 };
        await Assert.ThrowsAsync<ConcurrentUpdateException>(second.CommitAsync);

        await using var check = bot.Db();
        var saved = check.Events.Single();
        Assert.Equal((2, 2, 1), (saved.Counts.Meninggal, saved.Counts.Luka, saved.Version));
    }

    [Fact]
    public async Task The_second_of_two_interleaved_case_changes_is_refused()
    {
        await using var bot = await BotHarness.StartAsync(Storage);
        int id;
        await using (var db = bot.Db())
        {
            Seed.Cases(db, 1, "Luwu Timur", "Malili", new DateOnly(2024, 3, 14), CaseStatus.Baru);
            await db.SaveChangesAsync();
            id = db.Cases.Single().Id;
        }
        var stores = bot.Services.GetRequiredService<ICaseStoreFactory>();
        await using var first = stores.Create();
        await using var second = stores.Create();
        (await first.GetCaseAsync(id))!.Status = CaseStatus.Ditangani;
        (await second.GetCaseAsync(id))!.Status = CaseStatus.Dirujuk;
        await first.CommitAsync();
        await Assert.ThrowsAsync<ConcurrentUpdateException>(second.CommitAsync);

        await using var check = bot.Db();
        Assert.Equal(CaseStatus.Ditangani, check.Cases.Single().Status);
    }
}

public sealed class RowVersionTestsOnPostgres : RowVersionTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}
