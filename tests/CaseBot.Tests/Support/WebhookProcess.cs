using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CaseBot.Tests.Support;

/// <summary>
/// The real `casebot` program serving webhooks on a loopback port, as its own process: what it costs in memory is
/// read from the kernel (/proc), not from inside a test host that shares the heap with the test.
/// </summary>
public sealed partial class WebhookProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();

    public HttpClient Http { get; }
    public int Id => _process.Id;
    public bool Exited => _process.HasExited;

    private WebhookProcess(Process process, int port)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(3) };
    }

    /// <param name="settings">Environment (CaseBot__WhatsApp__PhoneNumberId ...) turning a webhook channel on.</param>
    public static async Task<WebhookProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var folder = Directory.CreateTempSubdirectory("casebot-webhook-").FullName;
        var port = Loopback.FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "casebot.dll")])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder,
        };
        start.Environment["CaseBot__ConfigDirectory"] = Path.Combine(AppContext.BaseDirectory, "config");
        start.Environment["CaseBot__Storage__ConnectionString"] = $"Data Source={Path.Combine(folder, "casebot.db")}";
        start.Environment["CaseBot__Storage__Backup__Enabled"] = "false";
        start.Environment["CaseBot__Http__Urls"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        var bot = new WebhookProcess(process, port);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) bot._errors.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return bot;
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException(
                $"casebot exited with {_process.ExitCode} before answering /healthz: {string.Join('\n', _errors.TakeLast(20))}");
            try
            {
                if ((await Http.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
                // not listening yet
            }
            if (DateTime.UtcNow >= until) throw new TimeoutException("casebot did not answer /healthz");
            await Task.Delay(100);
        }
    }

    /// <summary>What it wrote to stderr (the log).</summary>
    public IReadOnlyList<string> Log => [.. _errors];

    /// <summary>Resident memory now and its peak since start (VmRSS and VmHWM), in MB.</summary>
    public (long Now, long Peak) MemoryMb()
    {
        var status = File.ReadAllText($"/proc/{_process.Id}/status");
        long Kb(string field) => long.Parse(FieldPattern(field).Match(status).Groups[1].Value);
        return (Kb("VmRSS") / 1024, Kb("VmHWM") / 1024);
    }

    private static Regex FieldPattern(string field) => new($@"^{field}:\s+(\d+) kB", RegexOptions.Multiline);

    /// <summary>SIGKILL, and waits until it is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit(10_000);
        _process.Dispose();
        Http.Dispose();
    }
}
