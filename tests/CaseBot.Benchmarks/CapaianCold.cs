using System.Diagnostics;
using System.Globalization;
using CaseBot.Benchmarks.Engine;
using CaseBot.Engine.Conversations;
using CaseBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseBot.Benchmarks;

/// <summary>
/// /capaian after a restart: a new process each time, whose first answer pays for everything a restart does (JIT, EF
/// model, a fresh connection pool), then answers on fresh connections with the code warm.
/// SQLite: the database file is dropped from the OS page cache first (as after a reboot), so its first answers also
/// read from disk with an empty SQLite page cache; then, code warm, a new connection with the file out of the OS
/// page cache, and one with it in.
/// PostgreSQL: only the client side restarts. The server's shared buffers and the OS page cache under it stay warm:
/// they cannot be dropped from here without restarting the server (and needing root for the OS cache).
/// </summary>
public static class CapaianCold
{
    private static readonly string[] SqliteStates =
    [
        "cold: first answer after a restart, file out of the OS page cache",
        "cold data: new connection, file out of the OS page cache (code warm)",
        "new connection, OS page cache warm (code warm)",
    ];

    private static readonly string[] PostgresStates =
    [
        "cold client: first answer after a restart (new process, new pool; server caches kept warm)",
        "new connection (pool cleared, code warm; server caches kept warm)",
    ];

    public delegate string Row(string label, string state, double median, double worst, string scope);

    /// <summary>Runs <paramref name="runs"/> child processes per asker; returns the table rows, worst standing for the p99.</summary>
    public static async Task<List<string>> MeasureAsync(BenchDatabase target, int runs, Row row)
    {
        var states = target.Provider == StorageOptions.Sqlite ? SqliteStates : PostgresStates;
        var rows = new List<string>();
        foreach (var (label, user, scope) in CapaianBenchmark.Askers)
        {
            var times = states.Select(_ => new List<double>()).ToArray();
            for (var i = 0; i < runs; i++)
            {
                var child = await ChildAsync(target, user, states.Length);
                for (var s = 0; s < states.Length; s++) times[s].Add(child[s]);
            }
            for (var s = 0; s < states.Length; s++)
            {
                times[s].Sort();
                var (median, worst) = (times[s][times[s].Count / 2], times[s][^1]); // with a handful of runs the worst stands for the p99
                Console.WriteLine($"/capaian {label}, {states[s]}: median {median:F1} ms, worst {worst:F1} ms over {runs} processes");
                rows.Add(row(label, $"{states[s]}; {runs} processes, worst as p99", median, worst, scope));
            }
        }
        return rows;
    }

    /// <summary>Runs <c>capaian-cold</c> in a new process and returns its timings (see <see cref="RunChildAsync"/>).</summary>
    private static async Task<double[]> ChildAsync(BenchDatabase target, string user, int count)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(CapaianCold).Assembly.Location);
        foreach (var a in new[] { "capaian-cold", target.Provider, target.ConnectionString, user }) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var last = output.Trim().Split('\n')[^1].Split(' ');
        if (child.ExitCode != 0 || last.Length != count)
            throw new InvalidOperationException($"capaian-cold failed ({child.ExitCode}): {output}");
        return last.Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>In the child process: the timings of the states above, in ms, on one line.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var (provider, connectionString, user) = (args[0], args[1], args[2]);
        var sqlite = provider == StorageOptions.Sqlite;
        void Evict()
        {
            var database = CapaianBenchmark.SqliteFile(connectionString);
            foreach (var file in new[] { database, database + "-wal" }.Where(File.Exists)) PageCache.Evict(file);
        }
        async Task<double> Time(ConversationEngine engine)
        {
            var started = Stopwatch.GetTimestamp();
            await CapaianBenchmark.AskAsync(engine, user);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        if (sqlite) Evict();
        using var host = CapaianBenchmark.BuildHost(provider, connectionString);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(); // what a restart does first
        var engine = host.Services.GetRequiredService<ConversationEngine>();
        var times = new List<double> { await Time(engine) };
        if (sqlite)
        {
            SqliteConnection.ClearAllPools();
            Evict();
            times.Add(await Time(engine));
            SqliteConnection.ClearAllPools();
        }
        else NpgsqlConnection.ClearAllPools();
        times.Add(await Time(engine));
        Console.WriteLine(string.Join(' ', times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture))));
        return 0;
    }
}
