using CaseBot.Reporting.Exports;
using CaseBot.Tests.Support;
using MiniExcelLibs;

namespace CaseBot.Tests.Cli;

public sealed class TargetsCliTests
{
    [Fact]
    public async Task Targets_exported_edited_and_imported_land_in_indicators_json()
    {
        var config = Directory.CreateTempSubdirectory("casebot-config-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "config")))
            File.Copy(file, Path.Combine(config, Path.GetFileName(file)));
        var env = new Dictionary<string, string> { ["CaseBot__ConfigDirectory"] = config };
        var sheet = Path.Combine(config, "targets.xlsx");

        var exported = await CasebotProcess.RunAsync(["export-targets", "--out", sheet], env);
        Assert.True(exported.ExitCode == 0, exported.Error);

        var rows = MiniExcel.Query(sheet, useHeaderRow: true, sheetName: TargetSheet.Name).Cast<IDictionary<string, object>>()
            .Select(r => new Dictionary<string, object?>(r!)).ToList();
        rows.Single(r => (string)r["Indikator"]! == "permakanan" && Convert.ToInt32(r["Tahun"]) == 2024)["Target"] = 1200;
        // This year and the next have empty rows to fill in where no target applies.
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        Assert.Contains(rows, r => (string)r["Indikator"]! == "ppks-ditangani" && (string)r["Wilayah"]! == "Luwu Timur"
                                   && Convert.ToInt32(r["Tahun"]) == year + 1 && r["Target"] is null or "");
        File.Delete(sheet);
        MiniExcel.SaveAs(sheet, new Dictionary<string, object> { [TargetSheet.Name] = rows });

        var imported = await CasebotProcess.RunAsync(["import-targets", "--file", sheet], env);
        Assert.True(imported.ExitCode == 0, imported.Error);
        var json = await File.ReadAllTextAsync(Path.Combine(config, "indicators.json"));
        Assert.Contains("\"Value\": 1200", json);
        Assert.Contains("Jumlah pengungsi yang mendapatkan permakanan 3x1 hari", json);
        Assert.Contains("_source", json);

        rows.First(r => r["Target"] is not null and not "")["Wilayah"] = "Atlantis";
        File.Delete(sheet);
        MiniExcel.SaveAs(sheet, new Dictionary<string, object> { [TargetSheet.Name] = rows });
        var refused = await CasebotProcess.RunAsync(["import-targets", "--file", sheet], env);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("wilayah \"Atlantis\" tidak dikenal", refused.Error);
        Assert.Equal(json, await File.ReadAllTextAsync(Path.Combine(config, "indicators.json"))); // nothing written
    }
}
