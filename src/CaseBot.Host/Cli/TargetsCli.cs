using CaseBot.Domain.Configuration;
using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Exports;

namespace CaseBot.Host.Cli;

/// <summary>
/// `casebot export-targets --out targets.xlsx` writes the targets of config/indicators.json as a sheet to fill in
/// (with empty rows for this and next year where no target applies);
/// `casebot import-targets --file targets.xlsx` reads it back into config/indicators.json (nothing is written if any row is wrong).
/// </summary>
public static class TargetsCli
{
    public static async Task<int> RunAsync(string verb, string[] args, TextWriter output, TextWriter error)
    {
        var path = args.Length == 2 && args[0] is "--out" or "--file" ? args[1] : null;
        if (path is null)
        {
            await error.WriteLineAsync("usage: casebot export-targets --out FILE.xlsx | casebot import-targets --file FILE.xlsx");
            return 2;
        }
        var configDir = ConfigFiles.ResolveDirectory(Environment.GetEnvironmentVariable("CaseBot__ConfigDirectory") ?? "config");
        var indicatorsFile = Path.Combine(configDir, "indicators.json");
        var catalog = ConfigFiles.Load<IndicatorCatalog>(configDir, "indicators.json");
        if (verb == "export-targets")
        {
            // This year as the regions see it (WITA, UTC+8): it and the next get empty rows to fill in.
            var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
            await File.WriteAllBytesAsync(path, TargetSheet.Write(catalog, year));
            await output.WriteLineAsync($"{path}: {catalog.Indicators.Sum(i => i.Targets.Count)} target, baris kosong untuk {year} dan {year + 1}");
            return 0;
        }
        await using var sheet = File.OpenRead(path);
        var (updated, problems) = TargetSheet.Read(sheet, catalog, ConfigFiles.LoadRegions(configDir));
        foreach (var problem in problems) await error.WriteLineAsync(problem);
        if (problems.Count > 0) return 1;
        await File.WriteAllTextAsync(indicatorsFile, TargetSheet.ToJson(updated));
        await output.WriteLineAsync($"{indicatorsFile}: {updated.Indicators.Sum(i => i.Targets.Count)} target dari {path}");
        return 0;
    }
}
