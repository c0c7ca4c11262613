using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Reporting.Capaian;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Reporting;

public sealed class CapaianServiceTests
{
    private static readonly DateOnly March = new(2024, 3, 10), May = new(2024, 5, 2);

    private static async Task<IndicatorResult> MeasureAsync(BotHarness bot, string indicator, string region, ReportingPeriod period)
    {
        var regions = bot.Services.GetRequiredService<RegionCatalog>();
        var service = bot.Services.GetRequiredService<CapaianService>();
        var results = await service.MeasureAsync(RegionScope.Of(regions.Find(region)!), period, i => i.Id == indicator);
        return Assert.Single(results);
    }

    [Fact]
    public async Task Luwu_Timur_2024_victims_580_of_580_is_100_percent()
    {
        await using var bot = await BotHarness.StartAsync();
        await using (var db = bot.Db())
        {
            Seed.Event(db, "Luwu Timur", "Malili", March, terdampak: 500, tertangani: 500);
            Seed.Event(db, "Luwu Timur", "Wotu", May, terdampak: 78, tertangani: 80, meninggal: 2);
            await db.SaveChangesAsync();
        }
        var r = await MeasureAsync(bot, "spm-bencana", "Luwu Timur", ReportingPeriod.Year(2024));
        Assert.Equal((580m, 580m), (r.Numerator, r.Denominator));
        Assert.Equal((100m, 100m, 100m), (r.Realisasi, r.Target, r.Capaian));
        Assert.Equal(RatingBand.SangatTinggi, r.Band);
        Assert.Equal("Realisasi 100% (580 dari 580 jiwa) · terverifikasi", CapaianText.Realisasi(r));
    }

    [Fact]
    public async Task Luwu_Timur_2024_ppks_34133_of_28860_is_118_27_percent_and_capaian_208_59_uncapped()
    {
        await using var bot = await BotHarness.StartAsync();
        await using (var db = bot.Db())
        {
            Seed.Cases(db, 34_133, "Luwu Timur", "Malili", March, CaseStatus.Ditangani);
            Seed.Cases(db, 500, "Luwu Timur", "Malili", March, CaseStatus.Baru);
            await db.SaveChangesAsync();
        }
        var r = await MeasureAsync(bot, "ppks-ditangani", "Luwu Timur", ReportingPeriod.Year(2024));
        Assert.Equal((34_133m, 28_860m), (r.Numerator, r.Denominator)); // "PPKS yang ada" is the configured population
        Assert.Equal(118.27m, r.Realisasi);
        Assert.Equal(56.70m, r.Target);
        Assert.Equal(208.59m, r.Capaian);
        Assert.Equal(RatingBand.SangatTinggi, r.Band);
        var text = CapaianText.Format(RegionScope.Of(bot.Services.GetRequiredService<RegionCatalog>().Find("Luwu Timur")!), ReportingPeriod.Year(2024), [r]);
        Assert.Contains("Realisasi 118,27% (34.133 dari 28.860 jiwa)", text);
        Assert.Contains("Target 56,7% → capaian 208,59% (Sangat Tinggi)", text);
    }

    [Fact]
    public async Task Region_and_period_filters_narrow_the_figures()
    {
        await using var bot = await BotHarness.StartAsync();
        await using (var db = bot.Db())
        {
            Seed.Event(db, "Luwu Timur", "Malili", March, terdampak: 100, tertangani: 50);
            Seed.Event(db, "Luwu Timur", "Wotu", May, terdampak: 100, tertangani: 100);
            Seed.Event(db, "Mamuju", "Kalukku", March, terdampak: 40, tertangani: 10);
            await db.SaveChangesAsync();
        }
        Assert.Equal(75m, (await MeasureAsync(bot, "spm-bencana", "Luwu Timur", ReportingPeriod.Year(2024))).Realisasi);
        Assert.Equal(50m, (await MeasureAsync(bot, "spm-bencana", "Malili", ReportingPeriod.Year(2024))).Realisasi);
        Assert.Equal(50m, (await MeasureAsync(bot, "spm-bencana", "Luwu Timur", ReportingPeriod.Quarter(2024, 1))).Realisasi);
        Assert.Equal(100m, (await MeasureAsync(bot, "spm-bencana", "Luwu Timur", ReportingPeriod.Month(2024, 5))).Realisasi);
        Assert.Equal(25m, (await MeasureAsync(bot, "spm-bencana", "Sulawesi Barat", ReportingPeriod.Year(2024))).Realisasi);
    }

    [Fact]
    public async Task Percentage_targets_hold_inside_their_region_count_targets_do_not()
    {
        await using var bot = await BotHarness.StartAsync();
        await using (var db = bot.Db())
        {
            var flood = Seed.Event(db, "Mamuju", "Kalukku", March, terdampak: 800, tertangani: 700);
            Seed.Aid(db, flood, "permakanan", 450, RecipientUnit.Orang, March);
            Seed.Aid(db, flood, "permakanan", 30, RecipientUnit.Kk, March); // counted in KK, not in orang
            Seed.Aid(db, flood, "sandang", 200, RecipientUnit.Orang, March);
            await db.SaveChangesAsync();
        }
        Assert.Equal(100m, (await MeasureAsync(bot, "spm-bencana", "Kalukku", ReportingPeriod.Year(2024))).Target);
        var province = await MeasureAsync(bot, "permakanan", "Sulawesi Barat", ReportingPeriod.Year(2024));
        Assert.Equal((450m, 1000m, 45m, RatingBand.SangatRendah), (province.Numerator, province.Target!.Value, province.Capaian!.Value, province.Band!.Value));
        var kabupaten = await MeasureAsync(bot, "permakanan", "Mamuju", ReportingPeriod.Year(2024));
        Assert.Equal(450m, kabupaten.Numerator);
        Assert.Null(kabupaten.Target);
        Assert.Equal(20m, (await MeasureAsync(bot, "sandang", "Sulawesi Barat", ReportingPeriod.Year(2024))).Capaian);
    }

    [Fact]
    public async Task A_year_without_target_and_a_period_without_data_are_said_plainly()
    {
        await using var bot = await BotHarness.StartAsync();
        var scope = RegionScope.Of(bot.Services.GetRequiredService<RegionCatalog>().Find("Luwu Timur")!);
        var noTarget = await MeasureAsync(bot, "spm-bencana", "Luwu Timur", ReportingPeriod.Year(2023));
        Assert.Null(noTarget.Target);
        Assert.Null(noTarget.Realisasi); // 0 victims: nothing to divide by
        var text = CapaianText.Format(scope, ReportingPeriod.Year(2023), [noTarget]);
        Assert.Contains("Realisasi: belum ada data", text);
        Assert.Contains("Target belum ditetapkan", text);

        var noData = await MeasureAsync(bot, "spm-bencana", "Luwu Timur", ReportingPeriod.Year(2024));
        Assert.Contains("capaian: belum ada data", CapaianText.Format(scope, ReportingPeriod.Year(2024), [noData]));
    }

    [Theory]
    [InlineData(208.59, RatingBand.SangatTinggi)]
    [InlineData(91, RatingBand.SangatTinggi)]
    [InlineData(90.99, RatingBand.Tinggi)]
    [InlineData(76, RatingBand.Tinggi)]
    [InlineData(75.5, RatingBand.Sedang)]
    [InlineData(66, RatingBand.Sedang)]
    [InlineData(65.9, RatingBand.Rendah)]
    [InlineData(51, RatingBand.Rendah)]
    [InlineData(50, RatingBand.SangatRendah)]
    [InlineData(0, RatingBand.SangatRendah)]
    public void Bands_follow_permendagri_54_2010(double capaian, RatingBand expected) =>
        Assert.Equal(expected, CapaianMath.Band((decimal)capaian));

    [Fact]
    public void Capaian_is_realisasi_over_target_and_never_divides_by_zero()
    {
        Assert.Equal(208.59m, CapaianMath.Capaian(118.27m, 56.70m));
        Assert.Null(CapaianMath.Capaian(50m, 0m));
        Assert.Null(CapaianMath.Capaian(null, 100m));
        Assert.Null(CapaianMath.Percentage(5m, 0m));
        Assert.Equal(118.27m, CapaianMath.Percentage(34_133m, 28_860m));
    }
}
