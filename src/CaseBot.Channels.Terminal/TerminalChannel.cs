using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseBot.Channels.Terminal;

/// <summary>Options bound from "CaseBot:Terminal".</summary>
public sealed class TerminalOptions
{
    public const string Section = "CaseBot:Terminal";
    /// <summary>The simulated phone user's id at start (the user key is "terminal:{UserId}").</summary>
    public string UserId { get; set; } = "1";
    public string DisplayName { get; set; } = "Pengguna Terminal";
    /// <summary>On when no other channel is configured; tests and servers turn it off.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// A chat in the console for simulated phone users: lines in, replies out, buttons as numbered choices (type the
/// number to press one). `/sebagai 2` switches to another user; each user's messages wait in their own session and
/// are shown when that user is active. End of input stops the host, so a piped script runs to completion.
/// What is printed comes from the outbox (through <see cref="TerminalScreen"/>), never from memory: a reply stored
/// before a crash is printed after the restart.
/// </summary>
public sealed class TerminalChannel(
    ConversationEngine engine, TerminalScreen screen, OutboxDispatchers dispatchers, TerminalOptions options, TextReader input,
    TextWriter output, IHostApplicationLifetime lifetime, ILogger<TerminalChannel> logger) : BackgroundService
{
    public const string ChannelName = TerminalScreen.ChannelName;
    private const string SwitchCommand = TerminalScreen.SwitchCommand;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await output.WriteLineAsync("CaseBot (terminal). Ketik /start untuk mulai, angka untuk memilih tombol. Ctrl+D untuk keluar.");
        await screen.SayWhoAsync();
        // What a killed process stored and did not print, then the pending questions.
        await dispatchers.SendDueAsync(ChannelName, stoppingToken);
        // Only the active user's: a question queued for another terminal user would wait in the outbox and surface,
        // stale, in the middle of that user's later conversation.
        await engine.QueueAsync((await engine.PendingQuestionsAsync(ChannelName, stoppingToken))
            .Where(p => p.Message.ChatId == screen.User).Select(p => p.Message).ToList(), stoppingToken);
        await dispatchers.SendDueAsync(ChannelName, stoppingToken);
        var sequence = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            await output.FlushAsync(stoppingToken);
            var line = await input.ReadLineAsync(stoppingToken);
            if (line is null) break;
            line = line.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith(SwitchCommand + " ", StringComparison.OrdinalIgnoreCase))
            {
                if (await screen.SwitchAsync(line[SwitchCommand.Length..].Trim()))
                    await dispatchers.SendDueAsync(ChannelName, stoppingToken);
                continue;
            }
            await engine.HandleAsync(ToMessage(line, ++sequence), stoppingToken);
            await dispatchers.SendDueAsync(ChannelName, stoppingToken);
        }
        logger.LogInformation("Terminal input ended; stopping.");
        lifetime.StopApplication();
    }

    private IncomingMessage ToMessage(string line, int sequence)
    {
        var buttons = screen.Buttons;
        string? button = null;
        if (int.TryParse(line, out var n) && n >= 1 && n <= buttons.Count) button = buttons[n - 1].Data;
        return new IncomingMessage
        {
            Channel = ChannelName, UserId = screen.User, ChatId = screen.User,
            Text = button is null ? line : null, ButtonData = button,
            MessageId = null, DisplayName = options.DisplayName,
        };
    }
}

/// <summary>
/// The terminal's sender: prints stored messages for the active user. Another user's stay stored (announced once)
/// until someone switches to that user, so a crash loses none of them.
/// </summary>
public sealed class TerminalScreen(ReferenceData reference, TerminalOptions options, TextWriter output) : IChannelSender
{
    public const string ChannelName = "terminal";
    public const string SwitchCommand = "/sebagai";
    private readonly HashSet<(string Chat, string Text)> _announced = [];

    public string Channel => ChannelName;
    public string User { get; private set; } = options.UserId;
    public IReadOnlyList<Choice> Buttons { get; private set; } = [];

    /// <summary>Who is typing, and whether that account is an admin by configuration (it is never a silent admin).</summary>
    public Task SayWhoAsync() => output.WriteLineAsync(
        $"Anda: {ChannelName}:{User}" + (reference.IsConfiguredAdmin($"{ChannelName}:{User}") ? " (akun admin di konfigurasi)" : "") +
        $". Ketik {SwitchCommand} {Other} untuk mencoba sebagai pengguna lain.");

    /// <summary>An id to suggest for switching: the next number after this user's, or 2.</summary>
    private string Other => int.TryParse(User, out var n) ? (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "2";

    /// <summary>Makes another user the active one; the caller then sends what waits for them.</summary>
    public async Task<bool> SwitchAsync(string user)
    {
        if (user.Length == 0 || user.Contains(' ')) { await output.WriteLineAsync($"Contoh: {SwitchCommand} 2"); return false; }
        User = user;
        Buttons = [];
        await SayWhoAsync();
        return true;
    }

    public bool MarkSentFirst => true;

    public bool CanDeliverNow(OutgoingMessage message)
    {
        if (message.ChatId == User) return true;
        lock (_announced)
            if (_announced.Add((message.ChatId, message.Text)))
                output.WriteLine($"(1 pesan untuk {ChannelName}:{message.ChatId} menunggu; ketik {SwitchCommand} {message.ChatId})");
        return false;
    }

    public async Task SendAsync(OutgoingMessage reply, CancellationToken ct)
    {
        await output.WriteLineAsync(reply.Text);
        if (reply.File is not null) await output.WriteLineAsync($"  [lampiran: {reply.File.FileName}, {reply.File.Content.Length} byte]");
        // Where a typed answer is expected, a number is the answer itself: show the choices as suggestions to type.
        Buttons = reply.AcceptsText ? [] : reply.Choices;
        for (var i = 0; i < reply.Choices.Count; i++)
            await output.WriteLineAsync(reply.AcceptsText ? $"  - {reply.Choices[i].Label}" : $"  {i + 1}. {reply.Choices[i].Label}");
        await output.WriteLineAsync();
        await output.FlushAsync(ct);
    }
}
