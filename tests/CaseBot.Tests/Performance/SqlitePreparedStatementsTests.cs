using CaseBot.Storage.Prepared;
using CaseBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

/// <summary>Once warm, a message's reads and writes all run on statements already compiled: nothing is parsed and
/// planned again per message (EF Core's batched saves, several statements in one text, would be).</summary>
public sealed class MessagePathPreparationTests
{
    [Fact]
    public async Task A_report_filed_after_two_others_compiles_no_statement_and_runs_none_unprepared()
    {
        await using var bot = await BotHarness.StartAsync();
        await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
        await Scenario.ReportFloodAsync(bot, "10", desa: "Puncak Indah");
        await Scenario.ReportFloodAsync(bot, "10", desa: "Baruga");
        var file = new SqliteConnectionStringBuilder(bot.Database.ConnectionString).DataSource;
        var before = SqlitePreparedStatements.Totals(Path.GetFullPath(file));

        var saved = await Scenario.ReportFloodAsync(bot, "10", desa: "Puncak Indah", jiwa: 90, tertangani: 60);

        Assert.Contains("BC-", saved); // the third report was saved, through the same statements
        var after = SqlitePreparedStatements.Totals(Path.GetFullPath(file));
        Assert.True(after.Reused - before.Reused >= 14, $"reused {after.Reused - before.Reused}"); // at least a statement per message
        Assert.Equal(before.Compiled, after.Compiled);
        Assert.Equal(before.Unprepared, after.Unprepared);
    }
}

/// <summary>A kept context (SQLite: one per lent connection; PostgreSQL: a few on a shelf) serves unit after unit of
/// work: none sees what another tracked.</summary>
public sealed class KeptContextTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_unit_of_work_reads_what_is_saved_not_what_the_one_before_it_changed_and_dropped(StorageKind storage)
    {
        await using var bot = await BotHarness.StartAsync(storage);
        await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
        var stores = bot.Services.GetRequiredService<Domain.Abstractions.ICaseStoreFactory>();

        for (var unit = 0; unit < 3; unit++) // more than one, so a context kept from an earlier unit serves a later one
            await using (var first = await stores.OpenForUserAsync(BotHarness.Channel + ":10"))
            {
                var reporter = await first.FindReporterAsync(BotHarness.Channel, "10");
                first.TouchContact(BotHarness.Channel, "10", DateTimeOffset.UtcNow);
                await first.CommitAsync();
                reporter!.Name = "Nama yang tidak disimpan"; // changed after the commit, never committed
            }
        await using (var abandoned = await stores.OpenForUserAsync(BotHarness.Channel + ":10"))
        {
            var reporter = await abandoned.FindReporterAsync(BotHarness.Channel, "10");
            reporter!.Name = "Nama yang tidak disimpan juga"; // the unit failed or was abandoned before its commit
        }
        await using var next = await stores.OpenForUserAsync(BotHarness.Channel + ":10");
        Assert.Equal("Rahmat Tagana", (await next.FindReporterAsync(BotHarness.Channel, "10"))!.Name);
        await using var other = stores.Create();
        Assert.Equal("Rahmat Tagana", (await other.GetReporterAsync((await next.FindReporterAsync(BotHarness.Channel, "10"))!.Id))!.Name);
    }
}

/// <summary>At most <see cref="SqliteConnectionLeases.Kept"/> connections are lent at once: a burst waits its turn
/// rather than opening connections the pool would keep, and a unit that waits too long is not stuck.</summary>
public sealed class SqliteConnectionLeasesTests
{
    [Fact]
    public async Task A_rent_beyond_the_kept_connections_waits_for_one_to_come_back_and_gets_it()
    {
        await using var database = TestDatabase.Create(StorageKind.Sqlite);
        using var leases = new SqliteConnectionLeases(database.ConnectionString);
        var lent = new List<SqliteConnection>();
        for (var i = 0; i < SqliteConnectionLeases.Kept; i++) lent.Add(await leases.RentAsync());

        var waiting = leases.RentAsync();
        Assert.False(waiting.IsCompleted); // all lent: it waits (a semaphore's wait is incomplete at once, not after a while)
        Assert.True(leases.Return(lent[3]));
        Assert.Same(lent[3], await waiting); // the connection given back, not a new one
    }

    [Fact]
    public async Task A_rent_that_waited_too_long_gets_its_own_connection_closed_when_given_back()
    {
        await using var database = TestDatabase.Create(StorageKind.Sqlite);
        using var leases = new SqliteConnectionLeases(database.ConnectionString, longestWait: TimeSpan.FromMilliseconds(50));
        var lent = new List<SqliteConnection>();
        for (var i = 0; i < SqliteConnectionLeases.Kept; i++) lent.Add(await leases.RentAsync());

        var extra = await leases.RentAsync();
        Assert.DoesNotContain(extra, lent);
        Assert.False(leases.Return(extra));
        Assert.Equal(System.Data.ConnectionState.Closed, extra.State);
        // Its return gave no turn back that it never took: the kept ones still count all the turns.
        var blocked = leases.RentAsync();
        Assert.False(blocked.IsCompleted);
        foreach (var c in lent) leases.Return(c);
        leases.Return(await blocked);
    }
}
