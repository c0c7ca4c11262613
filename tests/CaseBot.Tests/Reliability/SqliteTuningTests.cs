using CaseBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Reliability;

/// <summary>The page cache and memory-mapped reads capaian relies on hold on every connection a context opens, the
/// pooled ones included (they are set once per native connection, not at each open).</summary>
public sealed class SqliteTuningTests
{
    [Fact]
    public async Task Every_connection_has_the_large_page_cache_including_pooled_ones_and_a_fresh_pool()
    {
        await using var bot = await BotHarness.StartAsync();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 5; i++)
            {
                await using var db = bot.Db();
                await db.Database.OpenConnectionAsync();
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA cache_size";
                Assert.Equal(-65536L, (long)(await command.ExecuteScalarAsync())!);
                command.CommandText = "PRAGMA temp_store";
                Assert.Equal(2L, (long)(await command.ExecuteScalarAsync())!); // MEMORY
            }
            SqliteConnection.ClearAllPools(); // new native connections: tuned again
        }
    }
}
