using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Reporting.Capaian;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CaseBot.Tests.Verification;

/// <summary>
/// Over random reports (updates, verified, pending and returned ones, merged cases, several areas and dates): for every
/// indicator, region and period, the drill-down lists exactly the reports whose contributions sum to the numerator,
/// denominator and waiting count capaian shows, verified and provisional. The two are computed by different queries.
/// </summary>
public sealed class DrillDownPropertyTests(ITestOutputHelper output)
{
    private static readonly (string Kabupaten, string Kecamatan)[] Areas =
        [("Luwu Timur", "Malili"), ("Luwu Timur", "Wotu"), ("Luwu Timur", "Burau"), ("Mamuju", "Kalukku"), ("Majene", "Banggae")];

    private static readonly string[] Items = ["permakanan", "sandang", "family-kit"];
    private static readonly string[] Types = ["fakir-miskin", "lansia-terlantar", "penyandang-disabilitas", "anak-terlantar"];
    private static readonly string[] Services = ["bantuan-sosial", "rujukan", "permakanan,rujukan"];

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Drill_down_rows_sum_to_the_figures_capaian_shows(StorageKind storage)
    {
        var seed = TestSeed.Get(20261124);
        output.WriteLine($"seed {seed} (set CASEBOT_TEST_SEED to replay), {storage}");
        var random = new Random(seed);
        await using var bot = await BotHarness.StartAsync(storage);
        await using (var db = bot.Db())
        {
            for (var i = 0; i < 60; i++)
            {
                var (kabupaten, kecamatan) = Areas[random.Next(Areas.Length)];
                var date = new DateOnly(2024, 1, 1).AddDays(random.Next(366));
                var e = Seed.Event(db, kabupaten, kecamatan, date, terdampak: random.Next(0, 500), tertangani: random.Next(0, 400),
                    meninggal: random.Next(0, 5), hilang: random.Next(0, 3), state: State(random));
                for (var u = random.Next(0, 3); u > 0; u--) // updates, each holding all figures, in any state
                    e.Reports.Add(new DisasterReport
                    {
                        IsUpdate = true, ReportedAt = e.CreatedAt.AddHours(u), Verification = new() { State = State(random) },
                        Counts = new VictimCounts { TerdampakJiwa = random.Next(0, 600), Tertangani = random.Next(0, 500), Meninggal = random.Next(0, 5) },
                    });
                e.Counts = e.Reports[^1].Counts.Copy();
                for (var a = random.Next(0, 3); a > 0; a--)
                    Seed.Aid(db, e, Items[random.Next(Items.Length)], random.Next(1, 300), random.Next(2) == 0 ? RecipientUnit.Orang : RecipientUnit.Kk,
                        date, State(random));
            }
            for (var i = 0; i < 80; i++)
            {
                var (kabupaten, kecamatan) = Areas[random.Next(Areas.Length)];
                Seed.Cases(db, 1, kabupaten, kecamatan, new DateOnly(2024, 1, 1).AddDays(random.Next(366)),
                    Enum.GetValues<CaseStatus>()[random.Next(4)], Types[random.Next(Types.Length)], Services[random.Next(Services.Length)], State(random));
            }
            await db.SaveChangesAsync();
            // Some verified cases were changed since: pending again, their verified status older than the current one.
            foreach (var c in db.Cases.Where(c => c.VerifiedStatus != null).AsEnumerable().Where(_ => random.Next(3) == 0))
                (c.Status, c.Verification) = (Enum.GetValues<CaseStatus>()[random.Next(4)], new Domain.Entities.Verification());
            foreach (var c in db.Cases.AsEnumerable().Where(_ => random.Next(10) == 0)) c.MergedIntoCaseId = 1;
            await db.SaveChangesAsync();
        }

        var capaian = bot.Services.GetRequiredService<CapaianService>();
        var drill = bot.Services.GetRequiredService<DrillDown>();
        var regions = bot.Services.GetRequiredService<RegionCatalog>();
        var checkedFigures = 0;
        foreach (var region in new[] { "Sulawesi Barat", "Luwu Timur", "Malili", "Wotu", "Mamuju", "Majene" })
        foreach (var period in new[] { ReportingPeriod.Year(2024), ReportingPeriod.Quarter(2024, 2), ReportingPeriod.Month(2024, 11) })
        {
            var scope = RegionScope.Of(regions.Find(region)!);
            foreach (var result in await capaian.MeasureAsync(scope, period, _ => true))
            {
                var rows = await drill.RowsAsync(result.Indicator, scope, period, withNames: false);
                var f = result.Figures;
                var where = $"{result.Indicator.Id} {region} {period.Label}";
                Assert.True(f.Verified.Numerator == rows.Sum(r => r.VerifiedNumerator), $"verified numerator, {where}");
                Assert.True(f.Provisional.Numerator == rows.Sum(r => r.Numerator), $"provisional numerator, {where}");
                Assert.True(f.Unverified == rows.Count(r => r.Waiting), $"waiting reports, {where}");
                if (result.Indicator.Denominators.Count == 0 && f.Provisional.Denominator is not null) // else a configured population
                {
                    Assert.True(f.Verified.Denominator == rows.Sum(r => r.VerifiedDenominator ?? 0), $"verified denominator, {where}");
                    Assert.True(f.Provisional.Denominator == rows.Sum(r => r.Denominator ?? 0), $"provisional denominator, {where}");
                }
                Assert.Equal(rows.Count, rows.Select(r => r.Number).Distinct().Count());
                checkedFigures++;
            }
        }
        output.WriteLine($"{checkedFigures} indicator figures checked against their drill-down");
        await using var check = bot.Db();
        Assert.Contains(check.DisasterReports, r => r.Verification.State == VerificationState.Returned); // the mix really is mixed
        Assert.Contains(check.Cases, c => c.VerifiedStatus != null && c.Verification.State == VerificationState.Pending);
    }

    private static VerificationState State(Random random) => random.Next(10) switch
    {
        < 5 => VerificationState.Verified,
        < 8 => VerificationState.Pending,
        _ => VerificationState.Returned,
    };
}
