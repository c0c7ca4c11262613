using System.Diagnostics;
using CaseBot.Storage;

namespace CaseBot.Benchmarks.Engine;

/// <summary>The storage limit: single-row INSERTs, each its own durable commit, from N concurrent writers.</summary>
public static class RawInserts
{
    public static async Task<double> RunAsync(BenchDatabase db, int writers, TimeSpan duration)
    {
        await using (var setup = await db.OpenRawAsync())
        await using (var create = setup.CreateCommand())
        {
            create.CommandText = db.Provider == StorageOptions.Sqlite
                ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY AUTOINCREMENT, payload TEXT NOT NULL);"
                : "CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, payload text NOT NULL);";
            await create.ExecuteNonQueryAsync();
        }
        var count = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await using var c = await db.OpenRawAsync(); // pooled, as the bot opens one per message
                if (db.Provider == StorageOptions.Sqlite)
                {
                    await using var sync = c.CreateCommand();
                    sync.CommandText = "PRAGMA synchronous=FULL;";
                    await sync.ExecuteNonQueryAsync();
                }
                await using var insert = c.CreateCommand();
                insert.CommandText = "INSERT INTO bench_raw (payload) VALUES ('laporan bencana: banjir, 120 jiwa terdampak')";
                await insert.ExecuteNonQueryAsync();
                Interlocked.Increment(ref count);
            }
        })));
        var rate = count / clock.Elapsed.TotalSeconds;
        // The yardstick's pooled connections (each with the page cache its inserts filled) are not the bot's: closed,
        // they neither count in the bot's memory nor serve its first messages.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        return rate;
    }
}
