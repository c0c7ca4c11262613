using CaseBot.Tests.Configuration;
using CaseBot.Tests.Support;

namespace CaseBot.Tests.Cli;

/// <summary>`casebot check-config` and the start of the real program on a broken config/.</summary>
public sealed class CheckConfigCliTests
{
    private static Dictionary<string, string> On(string configDir, string folder) => new()
    {
        ["CaseBot__ConfigDirectory"] = configDir,
        ["CaseBot__Storage__ConnectionString"] = $"Data Source={Path.Combine(folder, "casebot.db")}",
        ["CaseBot__Storage__Backup__Enabled"] = "false",
    };

    [Fact]
    public async Task The_shipped_config_passes_check_config()
    {
        var folder = Directory.CreateTempSubdirectory("casebot-check-").FullName;
        var (code, output, _) = await CasebotProcess.RunAsync(["check-config"], On(BrokenConfig.Shipped, folder));
        Assert.True(code == 0, output);
        Assert.Contains("benar", output);
    }

    [Fact]
    public async Task A_broken_config_is_listed_by_check_config_and_refused_at_start_without_a_stack_trace()
    {
        var config = new BrokenConfig()
            .Edit("casebot.json", r => r["CaseBot"]!["FloodMessages"] = -5)
            .Edit("indicators.json", r => r["Indicators"]![0]!["Targets"]![0]!["Region"] = "Luwu Tengah");

        var (code, output, _) = await CasebotProcess.RunAsync(["check-config"], On(config.Folder, config.Folder));
        Assert.Equal(1, code);
        Assert.Contains("casebot.json: $.CaseBot.FloodMessages: harus 0 atau lebih (sekarang -5)", output);
        Assert.Contains("indicators.json: $.Indicators[0].Targets[0].Region: wilayah \"Luwu Tengah\" tidak ada", output);
        Assert.False(File.Exists(Path.Combine(config.Folder, "casebot.db"))); // nothing started

        var (startCode, startOutput, startError) = await CasebotProcess.RunAsync([], On(config.Folder, config.Folder));
        Assert.NotEqual(0, startCode);
        Assert.Contains("CaseBot tidak dijalankan", startError);
        Assert.Contains("$.CaseBot.FloodMessages", startError);
        Assert.DoesNotContain("   at ", startError);
        Assert.DoesNotContain("Selamat datang", startOutput);
    }
}
