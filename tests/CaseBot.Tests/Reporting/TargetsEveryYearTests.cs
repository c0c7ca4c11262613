using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Commands;
using CaseBot.Reporting.Exports;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CaseBot.Tests.Reporting;

/// <summary>Standing and yearly targets, empty target rows to fill in, /target in chat, handled statuses from config.</summary>
public sealed class TargetsEveryYearTests
{
    private static readonly DateTimeOffset June2026 = new(2026, 6, 10, 2, 0, 0, TimeSpan.Zero);

    private static async Task<IndicatorResult> MeasureAsync(BotHarness bot, string indicator, string region, ReportingPeriod period)
    {
        var regions = bot.Services.GetRequiredService<RegionCatalog>();
        var results = await bot.Services.GetRequiredService<CapaianService>()
            .MeasureAsync(RegionScope.Of(regions.Find(region)!), period, i => i.Id == indicator);
        return Assert.Single(results);
    }

    [Fact]
    public void A_standing_target_holds_from_its_year_until_a_later_standing_one_a_yearly_one_only_for_its_year()
    {
        TargetValue[] targets =
        [
            new() { Year = 2024, Region = "Luwu Timur", Value = 100, Standing = true },
            new() { Year = 2025, Region = "Luwu Timur", Value = 90 },
            new() { Year = 2027, Region = "luwu timur", Value = 95, Standing = true },
        ];
        Assert.Equal(new decimal?[] { null, 100, 90, 100, 95, 95 },
            new[] { 2023, 2024, 2025, 2026, 2027, 2030 }.Select(y => TargetValue.Resolve(targets, "Luwu Timur", y)?.Value));
        Assert.Null(TargetValue.Resolve(targets, "Sulawesi Barat", 2026));
    }

    [Fact]
    public async Task In_2026_the_SPM_targets_stand_and_yearly_targets_the_plans_do_not_give_stay_open()
    {
        await using var bot = await BotHarness.StartAsync(now: June2026);
        await using (var db = bot.Db())
        {
            Seed.Event(db, "Luwu Timur", "Malili", new DateOnly(2026, 5, 2), terdampak: 100, tertangani: 80);
            await db.SaveChangesAsync();
        }
        foreach (var region in new[] { "Sulawesi Barat", "Luwu Timur", "Timor Tengah Utara", "Malili" })
        foreach (var year in new[] { 2024, 2025, 2026 })
        {
            Assert.Equal(100m, (await MeasureAsync(bot, "spm-bencana", region, ReportingPeriod.Year(year))).Target);
            Assert.Equal(100m, (await MeasureAsync(bot, "spm-rehabilitasi", region, ReportingPeriod.Year(year))).Target);
        }
        Assert.Equal(3327m, (await MeasureAsync(bot, "korban-dibantu", "Timor Tengah Utara", ReportingPeriod.Year(2026))).Target);
        Assert.Null((await MeasureAsync(bot, "ppks-ditangani", "Luwu Timur", ReportingPeriod.Year(2026))).Target);
        Assert.Null((await MeasureAsync(bot, "permakanan", "Sulawesi Barat", ReportingPeriod.Year(2025))).Target);

        // The officer's /capaian takes this year from the clock.
        await Scenario.RegisterApprovedAsync(bot, "30", "Pak Kasi Malili", role: "Petugas Dinas", kecamatan: "Malili");
        var answer = await bot.Say("30", "/capaian bencana");
        Assert.Contains("tahun 2026", answer);
        Assert.Contains("Target 100% → capaian 80%", answer);
        var ppks = await bot.Say("30", "/capaian ppks-ditangani");
        Assert.Contains("Target belum ditetapkan", ppks);
    }

    [Fact]
    public async Task Export_has_empty_rows_for_this_and_next_year_and_import_skips_them()
    {
        await using var bot = await BotHarness.StartAsync(now: June2026);
        var catalog = bot.Services.GetRequiredService<IndicatorCatalog>();
        var sheet = TargetSheet.Write(catalog, 2026);
        var rows = new MemoryStream(sheet).Query(useHeaderRow: true, sheetName: TargetSheet.Name).Cast<IDictionary<string, object?>>().ToList();
        bool Empty(IDictionary<string, object?> r, string id, string region, int year) =>
            (string)r["Indikator"]! == id && (string)r["Wilayah"]! == region && Convert.ToInt32(r["Tahun"]) == year
            && string.IsNullOrEmpty(Convert.ToString(r["Target"]));
        foreach (var year in new[] { 2026, 2027 })
        {
            Assert.Contains(rows, r => Empty(r, "ppks-ditangani", "Luwu Timur", year));
            Assert.Contains(rows, r => Empty(r, "permakanan", "Sulawesi Barat", year));
            Assert.Contains(rows, r => Empty(r, "permakanan", "Luwu Timur", year));
            Assert.DoesNotContain(rows, r => Empty(r, "spm-bencana", "Luwu Timur", year)); // standing 100%
        }
        Assert.DoesNotContain(rows, r => Empty(r, "korban-dibantu", "Timor Tengah Utara", 2026)); // the Renstra gives 2026
        Assert.Contains(rows, r => Empty(r, "korban-dibantu", "Timor Tengah Utara", 2027));
        Assert.Contains(rows, r => (string)r["Indikator"]! == "spm-bencana" && (string?)r["Setiap tahun"] == "ya");

        // Read back as exported: the empty rows are skipped, standing targets and their quotes stay.
        var (same, problems) = TargetSheet.Read(new MemoryStream(sheet), catalog, bot.Services.GetRequiredService<RegionCatalog>());
        Assert.Empty(problems);
        Assert.Equal(catalog.Indicators.Sum(i => i.Targets.Count), same.Indicators.Sum(i => i.Targets.Count));
        var spm = same.Indicators.Single(i => i.Id == "spm-bencana").Targets.Single(t => t.Region == "Luwu Timur");
        Assert.True(spm.Standing);
        Assert.Contains("LKj 2024 Luwu Timur", spm.Source);
        Assert.NotEmpty(same.Indicators.Single(i => i.Id == "ppks-ditangani").Handled);

        // A filled-in empty row becomes a target.
        var filled = rows.Select(r => new Dictionary<string, object?>(r)).ToList();
        filled.First(r => Empty(r, "ppks-ditangani", "Luwu Timur", 2026))["Target"] = "58,5";
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [TargetSheet.Name] = filled });
        stream.Position = 0;
        var (updated, none) = TargetSheet.Read(stream, catalog, bot.Services.GetRequiredService<RegionCatalog>());
        Assert.Empty(none);
        Assert.Equal(58.5m, TargetValue.Resolve(updated.Indicators.Single(i => i.Id == "ppks-ditangani").Targets, "Luwu Timur", 2026)!.Value);
    }

    [Fact]
    public async Task An_admin_sets_a_target_in_chat_after_confirming_it_is_audited_and_used_others_are_refused()
    {
        await using var bot = await BotHarness.StartAsync(now: June2026);
        await Scenario.RegisterApprovedAsync(bot, "30", "Pak Kasi Malili", role: "Petugas Dinas", kecamatan: "Malili");
        Assert.Contains("khusus admin", await bot.Say("30", "/target ppks-ditangani Luwu Timur 2026 60"));

        var ask = await bot.SendAsync(BotHarness.AdminId, "/target ppks-ditangani Luwu Timur 2026 60,5");
        Assert.Contains("belum ditetapkan → 60,5%", ask.Single().Text);
        await using (var db = bot.Db()) Assert.Empty(db.TargetOverrides); // nothing before the confirmation
        var saved = await bot.Press(BotHarness.AdminId, BotHarness.Data(ask, "Ya"));
        Assert.Contains("Target disimpan", saved);

        Assert.Equal(60.5m, (await MeasureAsync(bot, "ppks-ditangani", "Luwu Timur", ReportingPeriod.Year(2026))).Target);
        Assert.Null((await MeasureAsync(bot, "ppks-ditangani", "Luwu Timur", ReportingPeriod.Year(2027))).Target);
        Assert.Contains("Target 60,5%", await bot.Say("30", "/capaian ppks-ditangani"));

        // Changing a configured target shows old → new; the override beats the standing 100%.
        var change = await bot.SendAsync(BotHarness.AdminId, "/target spm-bencana Luwu Timur 2026 95");
        Assert.Contains("100% → 95%", change.Single().Text);
        await bot.Press(BotHarness.AdminId, BotHarness.Data(change, "Ya"));
        Assert.Equal(95m, (await MeasureAsync(bot, "spm-bencana", "Luwu Timur", ReportingPeriod.Year(2026))).Target);
        Assert.Equal(95m, (await MeasureAsync(bot, "spm-bencana", "Wotu", ReportingPeriod.Year(2026))).Target);
        Assert.Equal(100m, (await MeasureAsync(bot, "spm-bencana", "Luwu Timur", ReportingPeriod.Year(2025))).Target);

        await using (var db = bot.Db())
        {
            var audit = await db.Audit.Where(a => a.Subject.StartsWith("TARGET-")).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal([TargetCommand.Subject("ppks-ditangani", "Luwu Timur", 2026), TargetCommand.Subject("spm-bencana", "Luwu Timur", 2026)],
                audit.Select(a => a.Subject));
            Assert.Equal((null, "60.5"), (audit[0].OldValue, audit[0].NewValue));
            Assert.Equal(("100", "95"), (audit[1].OldValue, audit[1].NewValue));
            Assert.Equal(2, await db.TargetOverrides.CountAsync());
        }
        // Removing the override brings the configured standing 100% back, audited.
        var remove = await bot.SendAsync(BotHarness.AdminId, "/target spm-bencana Luwu Timur 2026 hapus");
        Assert.Contains("95% → 100% (dari konfigurasi)", remove.Single().Text);
        Assert.Equal(95m, (await MeasureAsync(bot, "spm-bencana", "Luwu Timur", ReportingPeriod.Year(2026))).Target); // not before "ya"
        Assert.Contains("Target dari chat dihapus", await bot.Press(BotHarness.AdminId, BotHarness.Data(remove, "Ya, hapus")));
        Assert.Equal(100m, (await MeasureAsync(bot, "spm-bencana", "Luwu Timur", ReportingPeriod.Year(2026))).Target);
        Assert.Contains("Tidak ada target yang diubah lewat chat", await bot.Say(BotHarness.AdminId, "/target spm-bencana Luwu Timur 2026 hapus"));
        await using (var db = bot.Db())
        {
            var last = await db.Audit.Where(a => a.Subject == TargetCommand.Subject("spm-bencana", "Luwu Timur", 2026)).OrderBy(a => a.Id).LastAsync();
            Assert.Equal(("95", "100 (konfigurasi)"), (last.OldValue, last.NewValue));
        }
        Assert.Contains("Indikator \"xyz\" tidak dikenal", await bot.Say(BotHarness.AdminId, "/target xyz Luwu Timur 2026 5"));
        Assert.Contains("Wilayah \"Atlantis\" tidak dikenal", await bot.Say(BotHarness.AdminId, "/target spm-bencana Atlantis 2026 5"));
    }

    [Fact]
    public async Task Dirujuk_counts_as_handled_where_the_indicator_says_so_and_only_with_a_rujukan()
    {
        await using var bot = await BotHarness.StartAsync();
        var date = new DateOnly(2024, 3, 10);
        await using (var db = bot.Db())
        {
            Seed.Cases(db, 10, "Luwu Timur", "Malili", date, CaseStatus.Ditangani, type: "anak-terlantar");
            Seed.Cases(db, 5, "Luwu Timur", "Malili", date, CaseStatus.Dirujuk, type: "anak-terlantar", service: "permakanan,rujukan");
            Seed.Cases(db, 3, "Luwu Timur", "Malili", date, CaseStatus.Dirujuk, type: "anak-terlantar", service: "permakanan");
            Seed.Cases(db, 2, "Luwu Timur", "Malili", date, CaseStatus.Baru, type: "anak-terlantar", service: "rujukan");
            await db.SaveChangesAsync();
        }
        var ppks = await MeasureAsync(bot, "ppks-ditangani", "Luwu Timur", ReportingPeriod.Year(2024));
        Assert.Equal(15m, ppks.Numerator); // ditangani + dirujuk with a rujukan
        var anak = await MeasureAsync(bot, "spm-anak", "Luwu Timur", ReportingPeriod.Year(2024));
        Assert.Equal(10m, anak.Numerator); // this indicator counts ditangani and selesai only
    }
}
