using CaseBot.Storage;
using Npgsql;

namespace CaseBot.Tests.Performance;

/// <summary>On PostgreSQL the statements a message runs are prepared once per pooled connection (Npgsql's automatic
/// preparation), unless the department's connection string decides otherwise (a transaction-mode pooler needs 0).</summary>
public sealed class PostgresPreparationTests
{
    [Fact]
    public void Statements_are_prepared_automatically_unless_the_connection_string_says_otherwise()
    {
        var prepared = new NpgsqlConnectionStringBuilder(StorageSetup.PostgresConnectionString("Host=db;Username=casebot;Password=rahasia"));
        Assert.Equal(64, prepared.MaxAutoPrepare);
        Assert.Equal(2, prepared.AutoPrepareMinUsages);
        Assert.Equal("rahasia", prepared.Password); // nothing else of the string is lost

        var pooled = new NpgsqlConnectionStringBuilder(StorageSetup.PostgresConnectionString("Host=pgbouncer;Max Auto Prepare=0"));
        Assert.Equal(0, pooled.MaxAutoPrepare);
    }

    [Fact]
    public async Task A_prepared_host_answers_on_postgres_as_before()
    {
        await using var bot = await Support.BotHarness.StartAsync(Support.StorageKind.Postgres);
        for (var i = 0; i < 5; i++) // past the usages that make Npgsql prepare a statement, on the same pooled connection
            Assert.Contains("Selamat datang", await bot.Say("21", "/start"));
    }
}
