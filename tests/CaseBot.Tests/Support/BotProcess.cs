using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace CaseBot.Tests.Support;

/// <summary>
/// The real `casebot` program in terminal mode as one phone user (its own CaseBot:Terminal:UserId), stdin piped:
/// what that user sees is what it prints. Several of them on one database are several users; Kill() is SIGKILL.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _replies = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _partial = new();

    private BotProcess(Process process)
    {
        _process = process;
        _ = Task.Run(ReadAsync);
    }

    /// <summary>Whatever it printed after the last prompt before it died (a reply cut short).</summary>
    public string Tail { get; private set; } = "";
    public bool Exited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public static BotProcess Start(TestDatabase database, string userId, string workingDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "casebot.dll")])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = workingDirectory, StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var (key, value) in database.Environment) start.Environment[key] = value;
        start.Environment["CaseBot__ConfigDirectory"] = Path.Combine(AppContext.BaseDirectory, "config");
        start.Environment["CaseBot__Terminal__UserId"] = userId;
        start.Environment["CaseBot__Admins__0"] = $"terminal:{userId}"; // auto-approved: no admin round trip needed
        start.Environment["CaseBot__Storage__Backup__Enabled"] = "false";
        start.Environment["Logging__Console__LogToStandardErrorThreshold"] = "Trace"; // stdout is the chat only
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new BotProcess(process);
    }

    /// <summary>The text printed up to the next input prompt; null when the process ended first.</summary>
    public async Task<string?> NextReplyAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _replies.Reader.ReadAsync(cts.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"casebot printed no prompt within {timeout}; so far: {_partial}");
        }
    }

    public async Task SendAsync(string line)
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(line);
            await _process.StandardInput.FlushAsync();
        }
        catch (IOException)
        {
            // Killed meanwhile: the line is lost with the process, as a message to a dead server is.
        }
    }

    /// <summary>Ends input: the bot stops by itself (Ctrl+D).</summary>
    public async Task<bool> CloseAsync(TimeSpan timeout)
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode == 0;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        try { _process.Kill(entireProcessTree: false); } catch (InvalidOperationException) { }
    }

    private async Task ReadAsync()
    {
        var buffer = new char[4096];
        var reader = _process.StandardOutput;
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            _partial.Append(buffer, 0, n);
            // The terminal prints "> " and waits: a prompt at the start of a line ends a reply.
            var text = _partial.ToString();
            if (text == "> " || text.EndsWith("\n> ", StringComparison.Ordinal))
            {
                _partial.Clear();
                await _replies.Writer.WriteAsync(text[..^2]);
            }
        }
        Tail = _partial.ToString();
        _replies.Writer.Complete();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
