using CaseBot.Channels.Telegram;
using CaseBot.Host;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseBot.Tests.Telegram;

/// <summary>The real CaseBot host on Telegram (long polling) against the emulator, with its own token and database.</summary>
public sealed class TelegramBotUnderTest : IAsyncDisposable
{
    public const long AdminId = 900;
    private readonly IHost _host;
    private readonly Dictionary<long, List<BotMessage>> _seen = [];

    public TelegramEmulator Emulator { get; }
    public string Token { get; } = $"{Random.Shared.Next(1000, 9999)}:test-{Guid.NewGuid():N}";
    public EmulatorBridge Bridge { get; } = new();
    public string Folder { get; }

    private TelegramBotUnderTest(TelegramEmulator emulator, string folder, string token, IEnumerable<string> extraArgs)
    {
        Emulator = emulator;
        Folder = folder;
        Token = token;
        _host = CaseBotHost.Build(
        [
            $"--CaseBot:Storage:ConnectionString=Data Source={Path.Combine(folder, "casebot.db")}",
            $"--CaseBot:Telegram:Token={token}", $"--CaseBot:Telegram:BaseUrl={emulator.BaseUrl}",
            "--CaseBot:Telegram:PollTimeoutSeconds=0", "--CaseBot:Telegram:IdleDelayMilliseconds=50",
            // The emulator has no flood control; at Telegram's pace (1 a second per chat) a full journey would take minutes.
            "--CaseBot:Telegram:PrivateChatMessagesPerSecond=50",
            "--CaseBot:FloodMessages=1000", // a scripted user answers faster than the per-user flood limit allows
            $"--CaseBot:Admins:0=telegram:{AdminId}", .. extraArgs,
        ], b => b.Services.AddHttpClient(TelegramSetup.HttpClientName).AddHttpMessageHandler(() => Bridge));
    }

    public static async Task<TelegramBotUnderTest> StartAsync(TelegramEmulator emulator, string? folder = null, string? token = null, params string[] extraArgs)
    {
        folder ??= Directory.CreateTempSubdirectory("casebot-tg-").FullName;
        var bot = new TelegramBotUnderTest(emulator, folder, token ?? $"{Random.Shared.Next(1000, 9999)}:test-{Guid.NewGuid():N}", extraArgs);
        await bot._host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await bot._host.StartAsync();
        return bot;
    }

    public CaseBotDbContext Db() => _host.Services.GetRequiredService<IDbContextFactory<CaseBotDbContext>>().CreateDbContext();

    public Task Say(long userId, string text, long? chatId = null) => Emulator.SendAsync(Token, userId, text, chatId);

    public Task Press(long userId, BotMessage message, string label) => Emulator.PressAsync(Token, userId, message, label);

    /// <summary>Waits until the bot has sent the chat a message containing <paramref name="expected"/>; returns that message.</summary>
    public async Task<BotMessage> ExpectAsync(long chatId, string expected, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var seen = _seen.TryGetValue(chatId, out var list) ? list : _seen[chatId] = [];
        while (true)
        {
            seen.AddRange(await Emulator.UnreadAsync(Token, chatId));
            var index = seen.FindIndex(m => m.Text.Contains(expected, StringComparison.Ordinal));
            if (index >= 0)
            {
                var found = seen[index];
                seen.RemoveRange(0, index + 1); // later expectations look after this message
                return found;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No message with \"{expected}\" in chat {chatId}. Seen:\n{string.Join("\n---\n", seen.Select(m => m.Text))}");
            await Task.Delay(50);
        }
    }

    /// <summary>Answers a question the way a user would: a button whose label matches, else typed text.</summary>
    public async Task<BotMessage> AnswerAsync(long userId, BotMessage question, string answer, string expectNext)
    {
        if (question.Buttons.Any(b => b.Label.Contains(answer, StringComparison.OrdinalIgnoreCase))) await Press(userId, question, answer);
        else await Say(userId, answer);
        return await ExpectAsync(userId, expectNext);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
