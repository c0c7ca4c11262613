using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
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
/// </summary>
public sealed class TerminalChannel(
    ConversationEngine engine, ReferenceData reference, TerminalOptions options, TextReader input, TextWriter output,
    IHostApplicationLifetime lifetime, ILogger<TerminalChannel> logger) : BackgroundService
{
    public const string ChannelName = "terminal";
    private const string SwitchCommand = "/sebagai";
    private IReadOnlyList<Choice> _buttons = [];
    private string _user = options.UserId;
    /// <summary>Messages for terminal users other than the active one, shown when they become active.</summary>
    private readonly Dictionary<string, List<OutgoingMessage>> _waiting = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await output.WriteLineAsync("CaseBot (terminal). Ketik /start untuk mulai, angka untuk memilih tombol. Ctrl+D untuk keluar.");
        await SayWhoAsync();
        foreach (var (_, pending) in await engine.PendingQuestionsAsync(ChannelName, stoppingToken))
            await WriteAsync(pending);
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
                await SwitchAsync(line[SwitchCommand.Length..].Trim());
                continue;
            }
            foreach (var reply in await engine.HandleAsync(ToMessage(line, ++sequence), stoppingToken))
                await WriteAsync(reply);
        }
        logger.LogInformation("Terminal input ended; stopping.");
        lifetime.StopApplication();
    }

    /// <summary>Who is typing, and whether that account is an admin by configuration (it is never a silent admin).</summary>
    private Task SayWhoAsync() => output.WriteLineAsync(
        $"Anda: {ChannelName}:{_user}" + (reference.IsConfiguredAdmin($"{ChannelName}:{_user}") ? " (akun admin di konfigurasi)" : "") +
        $". Ketik {SwitchCommand} 2 untuk mencoba sebagai pengguna lain.");

    private async Task SwitchAsync(string user)
    {
        if (user.Length == 0 || user.Contains(' ')) { await output.WriteLineAsync($"Contoh: {SwitchCommand} 2"); return; }
        _user = user;
        _buttons = [];
        await SayWhoAsync();
        if (_waiting.Remove(user, out var messages))
            foreach (var message in messages) await WriteAsync(message);
    }

    private IncomingMessage ToMessage(string line, int sequence)
    {
        string? button = null;
        if (int.TryParse(line, out var n) && n >= 1 && n <= _buttons.Count) button = _buttons[n - 1].Data;
        return new IncomingMessage
        {
            Channel = ChannelName, UserId = _user, ChatId = _user,
            Text = button is null ? line : null, ButtonData = button,
            MessageId = null, DisplayName = options.DisplayName,
        };
    }

    private async Task WriteAsync(OutgoingMessage reply)
    {
        if (reply.Channel == ChannelName && reply.ChatId != _user)
        {
            // Another terminal user's message waits in their session.
            (_waiting.TryGetValue(reply.ChatId, out var list) ? list : _waiting[reply.ChatId] = []).Add(reply);
            await output.WriteLineAsync($"(1 pesan untuk {ChannelName}:{reply.ChatId} menunggu; ketik {SwitchCommand} {reply.ChatId})");
            return;
        }
        var mine = reply.Channel == ChannelName;
        await output.WriteLineAsync((mine ? "" : $"[pesan untuk {reply.Channel}:{reply.ChatId}] ") + reply.Text);
        if (reply.File is not null) await output.WriteLineAsync($"  [lampiran: {reply.File.FileName}, {reply.File.Content.Length} byte]");
        if (!mine) return;
        // Where a typed answer is expected, a number is the answer itself: show the choices as suggestions to type.
        _buttons = reply.AcceptsText ? [] : reply.Choices;
        for (var i = 0; i < reply.Choices.Count; i++)
            await output.WriteLineAsync(reply.AcceptsText ? $"  - {reply.Choices[i].Label}" : $"  {i + 1}. {reply.Choices[i].Label}");
        await output.WriteLineAsync();
    }
}
