using CaseBot.Storage.Prepared;
using CaseBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Performance;

/// <summary>On a long-lived connection a query's SQL is compiled once and run again with each new set of parameter
/// values, which must give exactly the answers a fresh statement gives.</summary>
public sealed class SqlitePreparedStatementsTests
{
    [Fact]
    public async Task A_query_is_compiled_once_per_connection_and_each_run_binds_its_own_values()
    {
        await using var bot = await BotHarness.StartAsync();
        await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
        await Scenario.ReportFloodAsync(bot, "10");
        await using var check = bot.Db();
        var day = (await check.Events.SingleAsync()).EventDate;

        await using var connection = new SqliteConnection(bot.Database.ConnectionString);
        await connection.OpenAsync();
        SqlitePreparedStatements.Enable(connection);
        await using var db = bot.Db();
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);

        // Two queries run again with other values: a date (bound as text), then names of other lengths.
        Task<int> EventsOn(DateOnly date) => db.Events.CountAsync(e => e.EventDate == date);
        Task<Domain.Entities.Reporter?> Named(string name) => db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Name == name);
        Assert.Equal(1, await EventsOn(day));
        Assert.Equal(0, await EventsOn(day.AddDays(1)));
        Assert.Equal("Rahmat Tagana", (await Named("Rahmat Tagana"))?.Name);
        Assert.Null(await Named("R"));
        Assert.Equal("Rahmat Tagana", (await Named("Rahmat Tagana"))?.Name);

        Assert.Equal((2, 3), SqlitePreparedStatements.Counts(connection)); // two texts compiled, three runs reused them
    }
}
