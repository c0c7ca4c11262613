using System.Diagnostics;
using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
using CaseBot.Host;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseBot.Benchmarks.Engine;

/// <summary>
/// The real host (built as the webhook host is: a WebApplication, not listening) and engine on a benchmark database,
/// with field users registered (approved Tagana) in real kecamatan of config/regions.json, one officer per kabupaten
/// to receive the verification notices, and each user's next answer to the bot: users file disaster reports
/// (14 messages per report: command, answers, "simpan"), naming their own kecamatan and a day of the last week.
/// </summary>
public sealed class BenchBot : IDisposable
{
    private readonly IHost _host;
    private readonly ConversationEngine _engine;
    private readonly List<Region> _kecamatan;
    private long _messageIds;
    private long _reports;

    private BenchBot(IHost host, List<Region> kecamatan)
    {
        _host = host;
        _engine = host.Services.GetRequiredService<ConversationEngine>();
        _kecamatan = kecamatan;
    }

    public long Reports => Interlocked.Read(ref _reports);
    public int KecamatanCount => _kecamatan.Count;
    public int KabupatenCount => _kecamatan.Select(k => k.Parent!.Name).Distinct().Count();

    public static async Task<BenchBot> StartAsync(BenchDatabase db)
    {
        string[] args =
        [
            $"--CaseBot:Storage:Provider={db.Provider}", $"--CaseBot:Storage:ConnectionString={db.ConnectionString}",
            "--CaseBot:Storage:Backup:Enabled=false", "--CaseBot:Terminal:Enabled=false",
            "--CaseBot:Http:Urls=http://127.0.0.1:0", // the web host a webhook deployment runs (built, not listening)
            "--CaseBot:FloodMessages=0", // users here type far faster than people; the limit would be what is measured
        ];
        var host = CaseBotHost.Build(args, b => b.Logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Critical));
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var regions = host.Services.GetRequiredService<RegionCatalog>();
        var kecamatan = regions.Kabupaten.SelectMany(k => k.Children).Where(c => c.Level == RegionLevel.Kecamatan).ToList();
        var bot = new BenchBot(host, kecamatan);
        // One officer per kabupaten (whole kabupaten): every report notifies its area's verifiers, as in production.
        await bot.RegisterAsync(regions.Kabupaten.Select((k, i) => ($"officer{i}", k.Name, (string?)null, ReporterRole.Petugas)));
        return bot;
    }

    /// <summary>Users <paramref name="prefix"/>1..n, approved Tagana spread round-robin over every kecamatan.</summary>
    public async Task<List<BenchUser>> AddUsersAsync(string prefix, int count)
    {
        var users = Enumerable.Range(1, count).Select(i => new BenchUser($"{prefix}{i}", _kecamatan[(i - 1) % _kecamatan.Count], i)).ToList();
        foreach (var chunk in users.Chunk(2000))
            await RegisterAsync(chunk.Select(u => (u.Id, u.Kecamatan.Parent!.Name, (string?)u.Kecamatan.Name, ReporterRole.Tagana)));
        return users;
    }

    private async Task RegisterAsync(IEnumerable<(string Id, string Kabupaten, string? Kecamatan, ReporterRole Role)> users)
    {
        var factory = _host.Services.GetRequiredService<IDbContextFactory<CaseBotDbContext>>();
        await using var context = await factory.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        foreach (var (id, kabupaten, kecamatan, role) in users)
            context.Reporters.Add(new Reporter
            {
                Name = "Petugas " + id, Role = role, Kabupaten = kabupaten, Kecamatan = kecamatan, Status = ReporterStatus.Approved,
                RegisteredAt = now, DecidedAt = now,
                Identities = [new ChannelIdentity { Channel = "bench", ExternalUserId = id, ChatId = id }],
            });
        await context.SaveChangesAsync();
    }

    /// <summary>Sends the user's next message, waits for the reply and picks the answer to it.</summary>
    public async Task SendNextAsync(BenchUser user)
    {
        var replies = await _engine.HandleAsync(new IncomingMessage
        {
            Channel = "bench", UserId = user.Id, ChatId = user.Id, Text = user.Next, MessageId = $"m{Interlocked.Increment(ref _messageIds)}",
        });
        var reply = replies.LastOrDefault(r => r.ChatId == user.Id)?.Text ?? ""; // not the notices to the area's officer
        if (reply.Contains("tersimpan dengan nomor", StringComparison.Ordinal)) Interlocked.Increment(ref _reports);
        if (Trace) Console.WriteLine($"> {user.Next}\n< {reply}");
        user.Answer(reply);
    }

    public static bool Trace { get; set; } = Environment.GetEnvironmentVariable("CASEBOT_BENCH_TRACE") == "1";

    public void Dispose() => _host.Dispose();
}

/// <summary>One field user and the answer they give to the bot's last question.</summary>
public sealed class BenchUser(string id, Region kecamatan, int seed)
{
    private static readonly string[] Kinds = ["Banjir", "Tanah longsor", "Angin puting beliung", "Kebakaran permukiman", "Gempa bumi"];
    private static readonly string[] Desa = ["Sukamaju", "Mekar Sari", "Tanjung", "Batu Putih", "Lembang", "Salu Bijau", "Pasir Putih"];
    private int _reportNumber = seed;

    /// <summary>Messages one disaster report takes, from /bencana to Simpan.</summary>
    public const int ReportLength = 14;

    public string Id { get; } = id;
    public Region Kecamatan { get; } = kecamatan;
    public string Next { get; private set; } = "/bencana";

    public void Answer(string reply)
    {
        var n = _reportNumber;
        Next = reply switch
        {
            _ when reply.Contains("Periksa laporan", StringComparison.Ordinal) => "simpan", // first: the summary names the fields below
            _ when reply.Contains("kejadian baru, atau pembaruan", StringComparison.Ordinal) => "Kejadian baru",
            _ when reply.Contains("Jenis bencana", StringComparison.Ordinal) => Kinds[n % Kinds.Length],
            _ when reply.Contains("Di kecamatan mana?", StringComparison.Ordinal) => Kecamatan.Name,
            _ when reply.Contains("Nama desa", StringComparison.Ordinal) => Desa[n % Desa.Length],
            // a day of the last week, in WITA (the region's zone), never today: no midnight edge
            _ when reply.Contains("Kapan kejadiannya", StringComparison.Ordinal) =>
                DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-(1 + n % 6)).ToString("dd/MM/yyyy"),
            _ when reply.Contains("korban meninggal", StringComparison.Ordinal) => "0",
            _ when reply.Contains("korban hilang", StringComparison.Ordinal) => "0",
            _ when reply.Contains("korban luka", StringComparison.Ordinal) => (n % 3).ToString(),
            _ when reply.Contains("orang mengungsi", StringComparison.Ordinal) => (10 + n % 50).ToString(),
            _ when reply.Contains("jiwa terdampak", StringComparison.Ordinal) => (100 + n % 200).ToString(),
            _ when reply.Contains("KK terdampak", StringComparison.Ordinal) => (30 + n % 40).ToString(),
            _ when reply.Contains("sudah tertangani", StringComparison.Ordinal) => "60",
            _ => "/bencana", // saved (or anything unexpected): the next report
        };
        if (Next == "/bencana") _reportNumber += 7;
    }
}
