using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseBot.Channels.Terminal;

/// <summary>Options bound from "CaseBot:Terminal".</summary>
public sealed class TerminalOptions
{
    public const string Section = "CaseBot:Terminal";
    /// <summary>The simulated phone user's id (the user key is "terminal:{UserId}").</summary>
    public string UserId { get; set; } = "1";
    public string DisplayName { get; set; } = "Pengguna Terminal";
    /// <summary>On when no other channel is configured; tests and servers turn it off.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// A chat in the console for one simulated user: lines in, replies out, buttons as numbered choices
/// (type the number to press one). End of input stops the host, so a piped script runs to completion.
/// </summary>
public sealed class TerminalChannel(
    ConversationEngine engine, TerminalOptions options, TextReader input, TextWriter output,
    IHostApplicationLifetime lifetime, ILogger<TerminalChannel> logger) : BackgroundService
{
    public const string ChannelName = "terminal";
    private IReadOnlyList<Choice> _buttons = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await output.WriteLineAsync("CaseBot (terminal). Ketik /start untuk mulai, angka untuk memilih tombol. Ctrl+D untuk keluar.");
        var sequence = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            await output.FlushAsync(stoppingToken);
            var line = await input.ReadLineAsync(stoppingToken);
            if (line is null) break;
            if (line.Trim().Length == 0) continue;

            var message = ToMessage(line.Trim(), ++sequence);
            foreach (var reply in await engine.HandleAsync(message, stoppingToken))
                await WriteAsync(reply, message.ChatId);
        }
        logger.LogInformation("Terminal input ended; stopping.");
        lifetime.StopApplication();
    }

    private IncomingMessage ToMessage(string line, int sequence)
    {
        string? button = null;
        if (int.TryParse(line, out var n) && n >= 1 && n <= _buttons.Count) button = _buttons[n - 1].Data;
        return new IncomingMessage
        {
            Channel = ChannelName, UserId = options.UserId, ChatId = options.UserId,
            Text = button is null ? line : null, ButtonData = button,
            MessageId = null, DisplayName = options.DisplayName,
        };
    }

    private async Task WriteAsync(OutgoingMessage reply, string ownChat)
    {
        var mine = reply.ChatId == ownChat && reply.Channel == ChannelName;
        var prefix = mine ? "" : $"[pesan untuk {reply.Channel}:{reply.ChatId}] ";
        await output.WriteLineAsync(prefix + reply.Text);
        if (reply.File is not null) await output.WriteLineAsync($"  [lampiran: {reply.File.FileName}, {reply.File.Content.Length} byte]");
        if (!mine) return;
        // Where a typed answer is expected, a number is the answer itself: show the choices as suggestions to type.
        _buttons = reply.AcceptsText ? [] : reply.Choices;
        for (var i = 0; i < reply.Choices.Count; i++)
            await output.WriteLineAsync(reply.AcceptsText ? $"  - {reply.Choices[i].Label}" : $"  {i + 1}. {reply.Choices[i].Label}");
        await output.WriteLineAsync();
    }
}
