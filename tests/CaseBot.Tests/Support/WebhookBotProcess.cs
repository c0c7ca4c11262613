using System.Diagnostics;

namespace CaseBot.Tests.Support;

/// <summary>
/// The real `casebot` program serving webhooks on a loopback port (its settings as environment variables), for tests
/// that SIGKILL it and start it again on the same database.
/// </summary>
public sealed class WebhookBotProcess : IDisposable
{
    private readonly Process _process;
    public int Port { get; }

    private WebhookBotProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <param name="log">Receives every line the program writes (its console log), when given.</param>
    public static WebhookBotProcess Start(TestDatabase database, int port, IReadOnlyDictionary<string, string> settings,
        System.Collections.Concurrent.ConcurrentQueue<string>? log = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "casebot.dll")])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = database.Folder,
        };
        foreach (var (key, value) in database.Environment) start.Environment[key] = value;
        start.Environment["CaseBot__ConfigDirectory"] = Path.Combine(AppContext.BaseDirectory, "config");
        start.Environment["CaseBot__Storage__Backup__Enabled"] = "false";
        start.Environment["CaseBot__Http__Urls"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log?.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log?.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WebhookBotProcess(process, port);
    }

    /// <summary>Waits until /healthz answers (the host is up and its webhook mapped); false when the process died first.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{Port}/healthz")).IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(50);
        }
        return false;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        try { _process.Kill(entireProcessTree: false); } catch (InvalidOperationException) { }
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
