using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
using CaseBot.Host;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CaseBot.Tests.Support;

/// <summary>
/// The real host (config from config/, EF Core on a SQLite file, the engine) without a channel: tests play the user.
/// A second harness on the same folder is a restart.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    /// <summary>15 March 2024, 10:00 WITA.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2024, 3, 15, 2, 0, 0, TimeSpan.Zero);

    public const string Channel = "test";
    public const string AdminId = "900";

    private readonly IHost _host;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private int _sequence;

    public string Folder { get; }
    public TestDatabase Database { get; }
    /// <summary>False once a restart took the database over (only the last harness drops it).</summary>
    private bool _ownsDatabase = true;
    private readonly string[] _extraArgs;
    public FakeTimeProvider Clock { get; }
    /// <summary>What the bot sent on its own initiative (daily summaries) through the test channel.</summary>
    public RecordingSender Outbox { get; } = new();
    /// <summary>Errors the bot logged (its error path: "terjadi gangguan").</summary>
    public ErrorLog ErrorLog { get; } = new();
    public ConversationEngine Engine { get; }

    private readonly Action<IServiceCollection>? _services;

    private BotHarness(TestDatabase database, FakeTimeProvider clock, IEnumerable<string> extraArgs, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Database = database;
        Folder = database.Folder;
        _extraArgs = [.. extraArgs];
        Clock = clock;
        string[] args =
        [
            .. database.HostArgs,
            "--CaseBot:Terminal:Enabled=false",
            $"--CaseBot:Admins:0={Channel}:{AdminId}",
            // The clock stands still in tests, so scripted users would trip the flood limit; the tests of the
            // limit (and the fuzz test) turn it back on with extraArgs.
            "--CaseBot:FloodMessages=0",
            .. extraArgs,
        ];
        _host = CaseBotHost.Build(args, b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            b.Services.AddSingleton<CaseBot.Engine.Messages.IChannelSender>(Outbox);
            b.Logging.AddProvider(ErrorLog);
            services?.Invoke(b.Services);
        });
        Engine = _host.Services.GetRequiredService<ConversationEngine>();
    }

    public static Task<BotHarness> StartAsync(string? folder = null, DateTimeOffset? now = null, params string[] extraArgs) =>
        StartAsync(TestDatabase.Create(StorageKind.Sqlite, folder), now, extraArgs);

    /// <summary>A bot on a fresh database of the given kind (the same flows run on SQLite and PostgreSQL).</summary>
    public static Task<BotHarness> StartAsync(StorageKind storage, DateTimeOffset? now = null, params string[] extraArgs) =>
        StartAsync(TestDatabase.Create(storage), now, extraArgs);

    public static Task<BotHarness> StartAsync(TestDatabase database, DateTimeOffset? now = null, params string[] extraArgs) =>
        StartAsync(database, null, now, extraArgs);

    /// <summary>A bot with services of the test's own added (e.g. a report kind that is not shipped).</summary>
    public static async Task<BotHarness> StartAsync(TestDatabase database, Action<IServiceCollection>? services, DateTimeOffset? now = null,
        params string[] extraArgs)
    {
        var harness = new BotHarness(database, new FakeTimeProvider(now ?? DefaultNow), extraArgs, services);
        await harness._host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return harness;
    }

    /// <summary>A new host on the same database and clock time: what a process restart looks like.</summary>
    public async Task<BotHarness> RestartAsync()
    {
        var now = Clock.GetUtcNow();
        _host.Dispose();
        _ownsDatabase = false;
        return await StartAsync(Database, _services, now, _extraArgs);
    }

    public IServiceProvider Services => _host.Services;

    public CaseBotDbContext Db() => _host.Services.GetRequiredService<IDbContextFactory<CaseBotDbContext>>().CreateDbContext();

    public Task<IReadOnlyList<OutgoingMessage>> SendAsync(string userId, string text, string? messageId = null, ChatKind kind = ChatKind.Private, string? chatId = null) =>
        Engine.HandleAsync(new IncomingMessage
        {
            Channel = Channel, UserId = userId, ChatId = chatId ?? userId, ChatKind = kind, Text = text,
            MessageId = messageId ?? NextId(), DisplayName = "Nama Telegram",
        });

    public Task<IReadOnlyList<OutgoingMessage>> PressAsync(string userId, string data) =>
        Engine.HandleAsync(new IncomingMessage
        {
            Channel = Channel, UserId = userId, ChatId = userId, ButtonData = data,
            MessageId = NextId(),
        });

    /// <summary>Unique across restarts, as a channel's update ids are.</summary>
    private string NextId() => $"{_run}-{Interlocked.Increment(ref _sequence)}";

    /// <summary>Sends and returns the text of the reply to the sender (all of them joined).</summary>
    public async Task<string> Say(string userId, string text) => Join(await SendAsync(userId, text), userId);

    public async Task<string> Press(string userId, string data) => Join(await PressAsync(userId, data), userId);

    /// <summary>Presses the button of the last reply whose label contains <paramref name="label"/>.</summary>
    public static string Data(IReadOnlyList<OutgoingMessage> replies, string label) =>
        replies.SelectMany(r => r.Choices).First(c => c.Label.Contains(label, StringComparison.OrdinalIgnoreCase)).Data;

    private static string Join(IReadOnlyList<OutgoingMessage> replies, string userId) =>
        string.Join("\n---\n", replies.Where(r => r.ChatId == userId).Select(r => r.Text));

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        if (_ownsDatabase) await Database.DisposeAsync();
        _ownsDatabase = false;
    }
}
