using CaseBot.Engine.Flows;
using CaseBot.Reporting.Exports;
using CaseBot.Storage;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.FourthKind;

/// <summary>A report kind added from outside src/: its flow, entity, migration and sheet registered, nothing else.</summary>
public class FourthKindTests
{
    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync(TestDatabase.Create(StorageKind.Sqlite), services =>
        {
            services.AddSingleton<IFlow, HomeVisitFlow>();
            services.AddSingleton<IStorageModel, HomeVisitModel>();
            services.AddSingleton<IReportSheet, HomeVisitSheet>();
        });
        await using (var db = bot.Db()) await AddHomeVisits.ApplyAsync(db);
        await Scenario.RegisterAdminAsync(bot);
        await Scenario.RegisterApprovedAsync(bot, "20", "Nurhayati TKSK", "TKSK");
        await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
        return bot;
    }

    [Fact]
    public async Task A_kind_declared_outside_src_is_reported_shown_listed_refused_for_update_and_exported()
    {
        await using var bot = await StartAsync();
        Assert.Contains("/kunjungan - Laporkan kunjungan rumah", await bot.Say("20", "/bantuan"));
        Assert.DoesNotContain("/kunjungan", await bot.Say("10", "/bantuan")); // TKSK only
        Assert.Contains("bukan untuk peran Tagana", await bot.Say("10", "/kunjungan"));

        foreach (var answer in new[] { "/kunjungi", "Malili", "Baruga", "0" }) await bot.Say("20", answer);
        Assert.Contains("Minimal 1 rumah", await bot.Say("20", "0"));
        await bot.Say("20", "12");
        Assert.Contains("Rumah dikunjungi: 12", await bot.Say("20", "hari ini"));
        Assert.Contains("KJ-2024-0001", await bot.Say("20", "simpan"));

        Assert.Contains("12 rumah", await bot.Say("20", "/status KJ-2024-0001"));
        Assert.Contains("bukan wewenang", await bot.Say("10", "/status kj 2024 1"));
        Assert.Contains("KJ-2024-0001: Kunjungan rumah, Desa Baruga", await bot.Say("20", "/laporanku"));
        Assert.Contains("tidak bisa diubah", await bot.Say("20", "/ubah KJ-2024-0001"));

        var sheets = await bot.Services.GetRequiredService<ReportSheets>()
            .BuildAsync(new ExportRequest("kunjungan", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));
        Assert.Equal(12, sheets.Single(s => s.Name == "Kunjungan Rumah").Rows.Single()[3]);
        Assert.Contains("digraph", bot.Services.GetServices<IFlow>().Single(f => f.Info.Name == "kunjungan").DotGraph());
    }
}
