using System.Diagnostics;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
using CaseBot.Host;
using CaseBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseBot.Benchmarks.Engine;

/// <summary>
/// N field users, each filing disaster reports as fast as the bot answers: 14 messages per report (command, answers,
/// "simpan"), every one a unit of work committed before its reply. Throughput, latency per message, memory.
/// </summary>
public sealed record EngineRun(double MessagesPerSecond, double ReportsPerSecond, double P50, double P99, double WorkingSetMb,
    double AllocatedKbPerMessage, long Messages)
{
    private static readonly (string Phrase, string Answer)[] Answers =
    [
        ("Periksa laporan", "simpan"), // first: the summary also names the fields below
        ("kejadian baru, atau pembaruan", "Kejadian baru"), ("Jenis bencana", "Banjir"), ("Di kecamatan mana?", "Malili"),
        ("Nama desa", "Puncak Indah"), ("Kapan kejadiannya", "hari ini"), ("korban meninggal", "0"), ("korban hilang", "0"),
        ("korban luka", "2"), ("orang mengungsi", "40"), ("jiwa terdampak", "120"), ("KK terdampak", "30"),
        ("sudah tertangani", "100"),
    ];

    public static async Task<EngineRun> RunAsync(BenchDatabase db, int users, TimeSpan duration)
    {
        var userIds = Enumerable.Range(1, users).Select(i => $"u{i}").ToList();
        string[] args =
        [
            $"--CaseBot:Storage:Provider={db.Provider}", $"--CaseBot:Storage:ConnectionString={db.ConnectionString}",
            "--CaseBot:Storage:Backup:Enabled=false", "--CaseBot:Terminal:Enabled=false",
            "--CaseBot:FloodMessages=0", // users here type far faster than people; the limit would be what is measured
            .. userIds.Select((u, i) => $"--CaseBot:Admins:{i}=bench:{u}"), // auto-approved registrations
        ];
        using var host = CaseBotHost.Build(args, b => b.Logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Critical));
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var engine = host.Services.GetRequiredService<ConversationEngine>();
        var ids = 0L;
        async Task<OutgoingMessage> Send(string user, string text) =>
            (await engine.HandleAsync(new IncomingMessage
            {
                Channel = "bench", UserId = user, ChatId = user, Text = text, MessageId = $"m{Interlocked.Increment(ref ids)}",
            })).Last();
        foreach (var u in userIds)
            foreach (var answer in new[] { "/daftar", "Petugas " + u, "Tagana", "Luwu Timur", "Malili", "simpan" })
                await Send(u, answer);
        for (var i = 0; i < 3; i++) await Send(userIds[0], "/laporanku"); // warm-up: JIT, pools

        var latencies = userIds.Select(_ => new List<double>()).ToArray();
        var reports = 0L;
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(userIds.Select((u, i) => Task.Run(async () =>
        {
            var next = "/bencana";
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var reply = await Send(u, next);
                latencies[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (reply.Text.Contains("tersimpan dengan nomor")) Interlocked.Increment(ref reports);
                next = Answers.FirstOrDefault(a => reply.Text.Contains(a.Phrase)).Answer ?? "/bencana";
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new EngineRun(all.Length / elapsed, reports / elapsed, Percentile(all, 0.50), Percentile(all, 0.99),
            Process.GetCurrentProcess().WorkingSet64 / 1048576.0, allocated / 1024.0 / all.Length, all.Length);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];

    public override string ToString() =>
        $"engine: {Messages} messages, {MessagesPerSecond:0} messages/s ({ReportsPerSecond:0.0} reports/s), " +
        $"latency p50 {P50:0.0} ms, p99 {P99:0.0} ms, working set {WorkingSetMb:0} MB, {AllocatedKbPerMessage:0} KB allocated per message";
}
