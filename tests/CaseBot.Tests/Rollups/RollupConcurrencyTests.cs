using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Reporting.Capaian;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Rollups;

/// <summary>Writers saving at once into the same kabupaten (PostgreSQL: separate transactions refreshing the same
/// buckets) leave rollups equal to the raw rows: each waits for the other's refresh and then sees its rows.</summary>
public sealed class RollupConcurrencyTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Writers_saving_at_once_in_one_kabupaten_keep_the_rollups_exact(StorageKind storage)
    {
        await using var bot = await BotHarness.StartAsync(storage);
        var stores = bot.Services.GetRequiredService<ICaseStoreFactory>();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 12; i++)
            {
                await using var store = stores.Create();
                var e = new DisasterEvent
                {
                    KindCode = "banjir", Kabupaten = "Luwu Timur", Kecamatan = (w + i) % 2 == 0 ? "Malili" : "Wotu", Desa = "Desa Uji",
                    EventDate = new DateOnly(2024, 3, 1 + i % 2), Counts = new VictimCounts { TerdampakJiwa = 10 + w, Tertangani = i },
                };
                e.Reports.Add(new DisasterReport { Counts = e.Counts.Copy(), Verification = new() { State = VerificationState.Verified } });
                store.AddEvent(e);
                await store.CommitAsync();
            }
        })).ToList();
        await Task.WhenAll(writers);

        var regions = bot.Services.GetRequiredService<RegionCatalog>();
        var measures = Enum.GetValues<Measure>().ToHashSet();
        foreach (var region in new[] { "Luwu Timur", "Malili", "Wotu" })
        foreach (var period in new[] { ReportingPeriod.Year(2024), ReportingPeriod.Day(new DateOnly(2024, 3, 1)) })
        {
            await using var db = bot.Db();
            var scope = RegionScope.Of(regions.Find(region)!);
            Assert.Equal((await Totals.ReadRawAsync(db, scope, period, measures, default)).ToString(),
                (await Totals.ReadAsync(db, scope, period, measures, default)).ToString());
        }
        await using var check = bot.Db();
        Assert.Equal(48, check.Events.Count());
    }
}
