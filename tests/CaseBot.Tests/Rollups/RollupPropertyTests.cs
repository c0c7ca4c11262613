using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Reporting.Capaian;
using CaseBot.Storage;
using CaseBot.Storage.Rollups;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CaseBot.Tests.Rollups;

/// <summary>
/// Random histories of writes through the store the flows and verification commands use (new events and updates,
/// verification and returns, reports moved to another kecamatan, kabupaten or across a month edge, aid in every state,
/// cases changing status, verified, merged, moved): after every few writes, capaian's totals from the rollups equal
/// the totals summed from the raw rows, for random areas and periods (years, quarters, months, odd ranges, days);
/// at the end, a rebuild from the raw rows writes the very rows the writes kept.
/// </summary>
public sealed class RollupPropertyTests(ITestOutputHelper output)
{
    private static readonly (string Kabupaten, string Kecamatan)[] Areas =
        [("Luwu Timur", "Malili"), ("Luwu Timur", "Wotu"), ("Luwu Timur", "Burau"), ("Mamuju", "Kalukku"), ("Majene", "Banggae")];

    private static readonly string[] Items = ["permakanan", "sandang", "family-kit"];
    private static readonly string[] Types = ["fakir-miskin", "lansia-terlantar", "anak-terlantar"];
    private static readonly string[] Services = ["bantuan-sosial", "rujukan", "permakanan,rujukan"];
    private static readonly string[] Regions = ["Sulawesi Barat", "Luwu Timur", "Malili", "Wotu", "Burau", "Mamuju", "Kalukku", "Majene"];

    private static readonly IReadOnlySet<Measure> AllMeasures = Enum.GetValues<Measure>().ToHashSet();

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Rollup_totals_equal_raw_totals_over_random_write_histories(StorageKind storage)
    {
        var seed = TestSeed.Get(20261125);
        output.WriteLine($"seed {seed} (set CASEBOT_TEST_SEED to replay), {storage}");
        var random = new Random(seed);
        await using var bot = await BotHarness.StartAsync(storage);
        var stores = bot.Services.GetRequiredService<ICaseStoreFactory>();
        var regions = bot.Services.GetRequiredService<RegionCatalog>();
        var compared = 0;
        var history = new List<string>();
        async Task CompareAsync(string when)
        {
            var scope = random.Next(8) == 0
                ? new RegionScope(regions.Find("Sulawesi Barat")!, ["Luwu Timur", "Mamuju", "Majene"], null) // several kabupaten
                : RegionScope.Of(regions.Find(Regions[random.Next(Regions.Length)])!);
            var period = Period(random);
            await using var db = bot.Db();
            var rollups = (await Totals.ReadAsync(db, scope, period, AllMeasures, default)).ToString();
            var raw = (await Totals.ReadRawAsync(db, scope, period, AllMeasures, default)).ToString();
            Assert.True(raw == rollups, $"seed {seed}, {when}, {scope.Name} {period.From}..{period.To}:\nraw:\n{raw}\nrollups:\n{rollups}");
            compared++;
        }
        for (var step = 0; step < 200; step++)
        {
            // As the engine opens it (PostgreSQL: in the user-lock transaction), or a store without an outer transaction.
            await using var store = random.Next(2) == 0 ? await stores.OpenForUserAsync($"test:{random.Next(3)}") : stores.Create();
            var what = await WriteAsync(store, random);
            await store.CommitAsync();
            history.Add(what);
            if (step % 4 != 3) continue;
            for (var q = 0; q < 3; q++) await CompareAsync($"step {step} (last write: {what})");
        }
        await using var check = bot.Db();
        output.WriteLine($"{compared} comparisons; {await check.Events.CountAsync()} events, {await check.DisasterReports.CountAsync()} reports, " +
                         $"{await check.Aid.CountAsync()} aid, {await check.Cases.CountAsync()} cases ({await check.Cases.CountAsync(c => c.MergedIntoCaseId != null)} merged)");
        Assert.True(await check.Cases.AnyAsync(c => c.MergedIntoCaseId != null), "the history merged no case: " + string.Join("; ", history));
        Assert.True(await check.DisasterReports.AnyAsync(r => r.Verification.State == VerificationState.Returned), "the history returned no report");

        // The rebuild (bulk, a month at a time) writes exactly the rows the refresher kept over the whole history.
        var kept = await RollupSnapshot.TakeAsync(check);
        await RollupRebuild.RunAsync(check);
        Assert.Equal(kept, await RollupSnapshot.TakeAsync(check));
        // And capaian reads them as it read the refresher's (dates and enums stored as EF Core stores them).
        for (var q = 0; q < 20; q++) await CompareAsync("after the rebuild");
    }

    /// <summary>One random write, through the store; returns what it did (for the failure message).</summary>
    private static async Task<string> WriteAsync(ICaseStore store, Random random)
    {
        var (kabupaten, kecamatan) = Areas[random.Next(Areas.Length)];
        var date = Date(random);
        switch (random.Next(10))
        {
            case 0 or 1:
            {
                var e = new DisasterEvent
                {
                    KindCode = "banjir", Kabupaten = kabupaten, Kecamatan = kecamatan, Desa = "Desa Uji", EventDate = date,
                    Counts = Counts(random),
                };
                e.Reports.Add(new DisasterReport { Counts = e.Counts.Copy(), Verification = new() { State = State(random) } });
                store.AddEvent(e);
                return $"new event {kabupaten}/{kecamatan} {date}";
            }
            case 2:
            {
                if (await RandomAsync<DisasterEvent>(store, random) is not { } e) return "none";
                e.Counts = Counts(random);
                e.Reports.Add(new DisasterReport { EventId = e.Id, IsUpdate = true, Counts = e.Counts.Copy(), Verification = new() { State = State(random) } });
                return $"update of event {e.Id}";
            }
            case 3:
            {
                if (await RandomAsync<DisasterReport>(store, random) is not { } r) return "none";
                r.Verification = new() { State = State(random), At = DateTimeOffset.UnixEpoch };
                return $"report {r.Id} now {r.Verification.State}";
            }
            case 4:
            {
                if (await RandomAsync<DisasterEvent>(store, random) is not { } e) return "none";
                // A correction of place or date: to another area, or across the edge of its month.
                if (random.Next(2) == 0) (e.Kabupaten, e.Kecamatan) = (kabupaten, kecamatan);
                else e.EventDate = random.Next(2) == 0 ? new DateOnly(e.EventDate.Year, e.EventDate.Month, 1).AddDays(-1) : date;
                return $"event {e.Id} moved to {e.Kabupaten}/{e.Kecamatan} {e.EventDate}";
            }
            case 5:
            {
                if (await RandomAsync<DisasterEvent>(store, random) is not { } e) return "none";
                store.AddAid(new AidDistribution
                {
                    EventId = e.Id, Kabupaten = e.Kabupaten, Kecamatan = e.Kecamatan, ItemCode = Items[random.Next(Items.Length)], Quantity = 1, Unit = "paket",
                    Recipients = random.Next(1, 300), RecipientUnit = random.Next(2) == 0 ? RecipientUnit.Orang : RecipientUnit.Kk, Place = "Posko",
                    Date = random.Next(3) == 0 ? date : e.EventDate, Verification = new() { State = State(random) },
                });
                return $"aid on event {e.Id}";
            }
            case 6:
            {
                if (await RandomAsync<AidDistribution>(store, random) is not { } a) return "none";
                a.Verification = new() { State = State(random), At = DateTimeOffset.UnixEpoch };
                return $"aid {a.Id} now {a.Verification.State}";
            }
            case 7:
            {
                var service = Services[random.Next(Services.Length)];
                store.AddCase(new PpksCase
                {
                    TypeCode = Types[random.Next(Types.Length)], Name = "Warga", Kabupaten = kabupaten, Kecamatan = kecamatan, Desa = "Desa Uji",
                    Description = "uji", ServiceCode = service, Status = Enum.GetValues<CaseStatus>()[random.Next(4)], ReportedOn = date,
                });
                return $"new case {kabupaten}/{kecamatan} {date}";
            }
            default:
            {
                if (await RandomAsync<PpksCase>(store, random) is not { } c) return "none";
                switch (random.Next(4))
                {
                    case 0:
                        (c.Status, c.ServiceCode, c.Verification) = (Enum.GetValues<CaseStatus>()[random.Next(4)], Services[random.Next(Services.Length)], new());
                        return $"case {c.Id} updated";
                    case 1:
                        (c.VerifiedStatus, c.VerifiedServiceCode, c.Verification) = (c.Status, c.ServiceCode, new() { State = VerificationState.Verified });
                        return $"case {c.Id} verified";
                    case 2:
                        c.MergedIntoCaseId = c.Id == 1 ? 2 : 1;
                        return $"case {c.Id} merged";
                    default:
                        (c.Kabupaten, c.Kecamatan, c.ReportedOn) = (kabupaten, kecamatan, random.Next(2) == 0 ? c.ReportedOn.AddDays(-c.ReportedOn.Day) : date);
                        return $"case {c.Id} moved to {kabupaten}/{kecamatan} {c.ReportedOn}";
                }
            }
        }
    }

    private static async Task<T?> RandomAsync<T>(ICaseStore store, Random random) where T : class
    {
        var id = random.Next(1, 16); // the first rows: each gets written again and again
        return await store.FindAsync<T>(id);
    }

    private static DateOnly Date(Random random) => new DateOnly(2024, 1, 20).AddDays(random.Next(110));

    private static ReportingPeriod Period(Random random)
    {
        var day = Date(random);
        return random.Next(6) switch
        {
            0 => ReportingPeriod.Year(2024),
            1 => ReportingPeriod.Quarter(2024, random.Next(1, 3)),
            2 => ReportingPeriod.Month(2024, random.Next(1, 6)),
            3 => ReportingPeriod.Day(day),
            _ => ReportingPeriod.Range(day, day.AddDays(random.Next(0, 80))),
        };
    }

    private static VictimCounts Counts(Random random) => new()
    {
        TerdampakJiwa = random.Next(0, 500), Tertangani = random.Next(0, 400), Meninggal = random.Next(0, 4), Hilang = random.Next(0, 3),
    };

    private static VerificationState State(Random random) => random.Next(10) switch
    {
        < 5 => VerificationState.Verified,
        < 8 => VerificationState.Pending,
        _ => VerificationState.Returned,
    };
}
