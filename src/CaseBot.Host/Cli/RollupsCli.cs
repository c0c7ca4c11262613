using CaseBot.Storage;
using CaseBot.Storage.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Host.Cli;

/// <summary>
/// `casebot rollups rebuild`: recomputes the capaian rollups from every stored report, a month at a time (after a bulk
/// import, or to check them). The bot builds them by itself at start when they never were; it may keep running meanwhile.
/// </summary>
public static class RollupsCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.FirstOrDefault() != "rebuild")
        {
            await error.WriteLineAsync("Usage: casebot rollups rebuild");
            return 2;
        }
        using var host = CaseBotHost.Build([.. args[1..], "--CaseBot:Terminal:Enabled=false"]);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(buildRollups: false);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<CaseBotDbContext>>().CreateDbContextAsync();
        var rows = await RollupRebuild.RunAsync(db, output);
        await output.WriteLineAsync($"Rollup capaian dibangun ulang: {rows} baris.");
        return 0;
    }
}
