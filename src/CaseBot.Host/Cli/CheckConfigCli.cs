using CaseBot.Host.ConfigCheck;

namespace CaseBot.Host.Cli;

/// <summary>`casebot check-config`: the checks the bot runs at start, without starting it. Exit code 1 when something is wrong.</summary>
public static class CheckConfigCli
{
    public static int Run(string[] args, TextWriter output)
    {
        var configDir = CaseBotHost.ConfigDirectory(args);
        var problems = ConfigChecker.Check(configDir, () => CaseBotHost.Configuration(args));
        foreach (var problem in problems) output.WriteLine(problem);
        output.WriteLine(problems.Count == 0
            ? $"Konfigurasi di {configDir} benar."
            : $"{problems.Count} masalah di konfigurasi {configDir}. CaseBot tidak akan berjalan sebelum diperbaiki.");
        return problems.Count == 0 ? 0 : 1;
    }
}
