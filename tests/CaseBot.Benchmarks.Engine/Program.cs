using System.Diagnostics;
using CaseBot.Benchmarks.Engine;

// Inbound messages per second through the real engine, each one a durable commit, next to the raw insert rate of the
// same database on the same machine. Usage:
//   dotnet run -c Release --project tests/CaseBot.Benchmarks.Engine -- [seconds=20] [users=16]
// PostgreSQL is measured when CASEBOT_BENCH_POSTGRES (or CASEBOT_TEST_POSTGRES) holds a server address; start a
// durable throwaway one with: source tests/postgres.sh && casebot_pg_start   (fsync on: no extra settings).
var seconds = args.Length > 0 ? int.Parse(args[0]) : 20;
var users = args.Length > 1 ? int.Parse(args[1]) : 16;
var duration = TimeSpan.FromSeconds(seconds);
Console.WriteLine($"CaseBot engine benchmark: {users} concurrent users, {seconds} s per run, {Environment.ProcessorCount} cores, " +
                  $".NET {Environment.Version}, {Environment.OSVersion}");
if (File.Exists("/proc/loadavg")) // other work on the machine skews every figure: say how busy it was
    Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");

var targets = new List<BenchDatabase> { BenchDatabase.Sqlite() };
var postgres = Environment.GetEnvironmentVariable("CASEBOT_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("CASEBOT_TEST_POSTGRES");
if (!string.IsNullOrEmpty(postgres)) targets.Add(await BenchDatabase.PostgresAsync(postgres));
else Console.WriteLine("PostgreSQL: skipped (set CASEBOT_BENCH_POSTGRES; see the comment at the top of Program.cs)");

var rows = new List<string[]>();
foreach (var db in targets)
{
    Console.WriteLine($"\n== {db.Name}: {db.Durability}");
    var raw1 = await RawInserts.RunAsync(db, 1, duration);
    var rawN = await RawInserts.RunAsync(db, users, duration);
    Console.WriteLine($"raw single-row INSERT commits: {raw1:0} /s with 1 writer, {rawN:0} /s with {users}");
    var engine = await EngineRun.RunAsync(db, users, duration);
    Console.WriteLine(engine);
    var storageLimit = Math.Max(raw1, rawN); // the most durable commits per second this database gives here
    rows.Add([db.Name, $"{engine.MessagesPerSecond:0}", $"{engine.P50:0.0}", $"{engine.P99:0.0}", $"{engine.ReportsPerSecond:0.0}",
        $"{storageLimit:0}", $"{engine.MessagesPerSecond / storageLimit:P0}", $"{engine.WorkingSetMb:0}", $"{engine.AllocatedKbPerMessage:0}"]);
    await db.DisposeAsync();
}

if (File.Exists("/proc/loadavg")) Console.WriteLine($"\nload average after: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine("\n| database | messages/s | p50 ms | p99 ms | reports/s | raw commits/s (best) | engine / raw | working set MB | KB allocated / message |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (var r in rows) Console.WriteLine("| " + string.Join(" | ", r) + " |");
return 0;
