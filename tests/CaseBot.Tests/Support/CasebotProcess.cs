using System.Diagnostics;

namespace CaseBot.Tests.Support;

/// <summary>Runs the real `casebot` program (from this test's output folder) as a separate process.</summary>
public static class CasebotProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> args,
        IDictionary<string, string> environment, string? workingDirectory = null, IEnumerable<string>? input = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "casebot.dll"), .. args])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        foreach (var line in input ?? []) await process.StandardInput.WriteLineAsync(line);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
