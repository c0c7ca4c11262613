using System.Globalization;
using CaseBot.Benchmarks.Engine;

// Inbound messages through the real engine, each one a durable commit, next to the raw durable insert rate of the same
// database file in the same run; open loop at fixed offered rates and closed loop; memory. Usage:
//   dotnet run -c Release --project tests/CaseBot.Benchmarks.Engine -- [--seconds 10] [--warmup 3]
//       [--rates 400,800,1600] [--users 256] [--closed 16] [--conversations 10000] [--stagger 1]
// (--conversations 0 skips the open-conversations memory figure.) PostgreSQL is measured too when
// CASEBOT_BENCH_POSTGRES (or CASEBOT_TEST_POSTGRES) holds a server address; start a durable throwaway one with:
// source tests/postgres.sh && casebot_pg_start   (fsync on: no extra settings).
var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"unknown argument {args[i]}; see the usage at the top of Program.cs");
        return 2;
    }
    options[args[i][2..]] = args[i + 1];
}
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var duration = TimeSpan.FromSeconds(Option("seconds", 10));
var warmup = TimeSpan.FromSeconds(Option("warmup", 3));
var rates = (options.GetValueOrDefault("rates") ?? "400,800,1600").Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();
var openUsers = Option("users", 256);
var closedUsers = Option("closed", 16);
var conversations = Option("conversations", 10_000);
var stagger = Option("stagger", 1) != 0;

Console.WriteLine($"CaseBot engine benchmark: {duration.TotalSeconds:0} s per measured phase after {warmup.TotalSeconds:0} s of warm-up; " +
                  $"open loop at {string.Join(", ", rates)} messages/s over {openUsers} users; closed loop with {closedUsers} users; " +
                  $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {Environment.OSVersion}");
string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
var loadBefore = LoadAverage(); // other work on the machine skews every figure: say how busy it was
Console.WriteLine($"load average before: {loadBefore}");

var targets = new List<BenchDatabase> { BenchDatabase.Sqlite() };
var postgres = Environment.GetEnvironmentVariable("CASEBOT_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("CASEBOT_TEST_POSTGRES");
if (!string.IsNullOrEmpty(postgres)) targets.Add(await BenchDatabase.PostgresAsync(postgres));
else Console.WriteLine("PostgreSQL: skipped (set CASEBOT_BENCH_POSTGRES; see the comment at the top of Program.cs)");

var tables = new List<string>();
foreach (var db in targets)
{
    Console.WriteLine($"\n== {db.Name}: {db.Durability}");
    await RawInserts.RunAsync(db, 1, warmup); // warm-up: JIT, pool, file grown
    var raw1 = await RawInserts.RunAsync(db, 1, duration);
    var rawN = await RawInserts.RunAsync(db, closedUsers, duration);
    var raw = Math.Max(raw1, rawN); // the most durable single-row commits per second this database gives here
    Console.WriteLine($"raw single-row durable INSERT commits: {raw1:0} /s with 1 writer, {rawN:0} /s with {closedUsers}");

    var bot = await BenchBot.StartAsync(db);
    var users = await bot.AddUsersAsync("u", Math.Max(openUsers, closedUsers));
    Console.WriteLine($"{users.Count} users registered over {bot.KecamatanCount} kecamatan of {bot.KabupatenCount} kabupaten (config/regions.json), " +
                      "event dates over the last 6 days");
    if (stagger)
    {
        // Field users are each at their own step of a report: user i starts i mod 14 messages into it (not measured).
        // All at the same step, every 14th round of the open loop is every user pressing Simpan at once.
        await Task.WhenAll(users.Select((u, i) => Task.Run(async () =>
        {
            for (var k = 0; k < i % BenchUser.ReportLength; k++) await bot.SendNextAsync(u);
        })));
        Console.WriteLine($"users staggered over the {BenchUser.ReportLength} messages of a report (--stagger 0: all in step)");
    }
    var phases = new List<PhaseResult>();
    var closed = users.Where((_, i) => i % Math.Max(1, users.Count / closedUsers) == 0).Take(closedUsers).ToList(); // spread over kabupaten
    await Phases.ClosedAsync(bot, closed, warmup, "warm-up");
    phases.Add(await Phases.ClosedAsync(bot, closed, duration, $"closed loop, {closed.Count} users"));
    Console.WriteLine(phases[^1]);
    var open = users.Take(openUsers).ToList();
    foreach (var rate in rates)
    {
        await Phases.OpenAsync(bot, open, rate, warmup, "warm-up");
        phases.Add(await Phases.OpenAsync(bot, open, rate, duration, $"open loop, {rate:0} messages/s offered, {open.Count} users"));
        Console.WriteLine(phases[^1]);
    }

    double? conversationsRss = null;
    if (conversations > 0)
    {   // each user opens a report (one message into /bencana) and leaves it open
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var rssBefore = Phases.RssMb();
        var idle = await bot.AddUsersAsync("c", conversations);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, closedUsers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < idle.Count; i = Interlocked.Increment(ref next)) await bot.SendNextAsync(idle[i]);
        })));
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        conversationsRss = Phases.RssMb();
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine($"{conversations:N0} more users each with a report opened and left open: RSS {conversationsRss:0} MB " +
                          $"(the whole benchmark process after a full GC; {rssBefore:0} MB before them; managed heap " +
                          $"{gc.HeapSizeBytes / 1048576.0:0} MB, committed by the GC {gc.TotalCommittedBytes / 1048576.0:0} MB; " +
                          $"{users.Count + conversations:N0} reporters in all)");
        Console.WriteLine(Phases.MemoryMap() + $"; SQLite's own allocations {SQLitePCL.raw.sqlite3_memory_used() / 1048576.0:0} MB");
    }

    var best = phases.MaxBy(p => p.Achieved)!;
    var ratio = best.Achieved / raw;
    var at800 = phases.FirstOrDefault(p => p.Offered == 800);
    var closedPhase = phases[0];
    string Verdict(bool ok) => ok ? "✅" : "❌";
    var table = new List<string>
    {
        $"\n{db.Name} ({db.Durability})",
        "| phase | offered msg/s | achieved msg/s | p50 ms | p99 ms | max ms | reports/s | RSS MB | KB allocated / msg | CPU ms / msg |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    };
    table.AddRange(phases.Select(p => $"| {p.Label} | {(p.Offered is { } o ? o.ToString("0") : "as fast as answered")} | {p.Achieved:0}" +
        (p.NotSent > 0 ? $" ({p.NotSent:N0} not sent)" : "") + $" | {p.P50:0.0} | {p.P99:0.0} | {p.Max:0.0} | {p.Reports / p.Seconds:0.0} | {p.RssMb:0} | {p.AllocatedKbPerMessage:0} | {p.CpuMsPerMessage:0.00} |"));
    table.Add($"| raw single-row durable INSERTs, same file | | {raw1:0} (1 writer), {rawN:0} ({closedUsers} writers) | | | | | | | |");
    table.Add("");
    table.Add("| figure | measured | goal | verdict |");
    table.Add("| --- | --- | --- | --- |");
    table.Add($"| engine messages/s vs raw durable INSERTs/s, same file, same run | {best.Achieved:0} / {raw:0} = {ratio:P0} (best phase: {best.Label}) | >= 60% | {Verdict(ratio >= 0.60)} {ratio / 0.60:0.00}× goal |");
    if (at800 is not null)
        table.Add($"| p99 reply at 800 messages/s offered (open loop, {open.Count} users) | {at800.P99:0.0} ms (achieved {at800.Achieved:0}/s) | < 10 ms | {Verdict(at800.P99 < 10)} {at800.P99 / 10:0.0}× goal |");
    table.Add($"| p99 reply, {closed.Count} users sending as fast as answered | {closedPhase.P99:0.0} ms | < 25 ms | {Verdict(closedPhase.P99 < 25)} {closedPhase.P99 / 25:0.0}× goal |");
    if (conversationsRss is { } rss)
        table.Add($"| RSS with {conversations:N0} open conversations (web host built, not listening) | {rss:0} MB | < 150 MB | {Verdict(rss < 150)} {rss / 150:0.00}× goal |");
    tables.AddRange(table);
    bot.Dispose();
    await db.DisposeAsync();
}

Console.WriteLine($"\nload average before: {loadBefore}; after: {LoadAverage()}");
foreach (var line in tables) Console.WriteLine(line);
return 0;
