using CaseBot.Storage;
using CaseBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Reliability;

/// <summary>SQLite set up for a long-running writer, and "confirmed means committed".</summary>
public sealed class DurabilityTests
{
    private static async Task<SqliteConnection> OpenAsync(BotHarness bot, int timeoutSeconds)
    {
        var csb = new SqliteConnectionStringBuilder(bot.Database.ConnectionString) { DefaultTimeout = timeoutSeconds, Pooling = false };
        var connection = new SqliteConnection(csb.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection c, string sql)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode_and_the_bots_connections_sync_fully()
    {
        await using var bot = await BotHarness.StartAsync();
        await using var c = await OpenAsync(bot, 30);
        Assert.Equal("wal", await ScalarAsync(c, "PRAGMA journal_mode;"));
        await using var db = bot.Db(); // a connection as the engine gets one (synchronous is per connection)
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, await command.ExecuteScalarAsync()); // FULL: a commit survives power loss
    }

    [Fact]
    public async Task A_writer_waits_for_a_lock_instead_of_failing()
    {
        await using var bot = await BotHarness.StartAsync();
        await using var blocker = await OpenAsync(bot, 30);
        await ScalarAsync(blocker, "BEGIN IMMEDIATE; INSERT INTO \"JobClaims\" VALUES ('x', 1, 'blocker', 1);");

        // Without a busy timeout the same write fails at once: the lock is real.
        await using (var impatient = await OpenAsync(bot, 1))
        {
            var ex = await Assert.ThrowsAsync<SqliteException>(() => ScalarAsync(impatient, "INSERT INTO \"JobClaims\" VALUES ('y', 1, 'i', 1);"));
            Assert.Equal(5, ex.SqliteErrorCode); // SQLITE_BUSY
        }
        // The bot's connections wait (CaseBot sets a 30 s busy timeout): the message is handled once the lock is gone.
        var handling = Task.Run(() => bot.Say("7", "/daftar")); // SQLite calls block their thread while waiting
        await Task.Delay(1500);
        await ScalarAsync(blocker, "COMMIT;");
        Assert.Contains("nama lengkap", await handling.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(bot.ErrorLog.Errors);
    }

    [Fact]
    public async Task A_migration_lock_left_by_a_killed_process_does_not_hang_the_next_start()
    {
        var folder = Directory.CreateTempSubdirectory("casebot-test-").FullName;
        var file = Path.Combine(folder, "casebot.db");
        await using (var c = new SqliteConnection($"Data Source={file};Pooling=false"))
        {
            await c.OpenAsync();
            // What EF Core leaves behind when killed while migrating: its lock row, never deleted.
            await ScalarAsync(c, "CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);" +
                                 "INSERT INTO \"__EFMigrationsLock\" VALUES (1, '2024-03-15 01:00:00');");
        }
        await using var bot = await BotHarness.StartAsync(folder).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains("belum terdaftar", await bot.Say("7", "halo"));
    }

    [Fact]
    public async Task A_confirmation_is_only_sent_after_the_report_is_committed()
    {
        await using var bot = await BotHarness.StartAsync();
        await Scenario.RegisterAdminAsync(bot);
        await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
        foreach (var a in new[] { "/bencana", "Banjir", "Malili", "Puncak Indah", "hari ini", "0", "0", "1", "5", "20", "6" })
            await bot.Say("10", a);
        Assert.Contains("Periksa", await bot.Say("10", "10"));

        // The disk refuses the write (a trigger stands in for a full disk): no confirmation, nothing half-saved.
        await using var c = await OpenAsync(bot, 30);
        await ScalarAsync(c, "CREATE TRIGGER refuse BEFORE INSERT ON \"Events\" BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        var failed = await bot.Say("10", "simpan");
        Assert.DoesNotContain("BC-", failed);
        Assert.Contains("terjadi gangguan", failed);
        await using (var db = bot.Db())
        {
            Assert.Empty(db.Events);
            Assert.Equal(CaseBot.Engine.Flows.Flow<CaseBot.Engine.Flows.DisasterDraft>.SummaryState, db.Conversations.Single().State); // the user is where they were
        }

        await ScalarAsync(c, "DROP TRIGGER refuse;");
        Assert.Contains("BC-2024-0001", await bot.Say("10", "simpan"));
        await using var after = bot.Db();
        Assert.Single(after.Events);
        Assert.Empty(after.Conversations);
    }

    [Theory]
    [InlineData(StorageKind.Sqlite, "src/CaseBot.Storage")]
    [InlineData(StorageKind.Postgres, "src/CaseBot.Storage.Postgres")]
    public void Each_providers_migrations_match_the_model(StorageKind kind, string project)
    {
        // No server needed: compares the model with the provider's migration snapshot.
        var options = new StorageOptions
        {
            Provider = kind == StorageKind.Postgres ? StorageOptions.Postgres : StorageOptions.Sqlite,
            ConnectionString = kind == StorageKind.Postgres ? "Host=127.0.0.1;Database=unused" : "Data Source=unused.db",
        };
        var builder = new DbContextOptionsBuilder<CaseBotDbContext>();
        StorageSetup.Configure(builder, options);
        using var db = new CaseBotDbContext(builder.Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a {kind} migration. Add one: " +
            $"dotnet tool run dotnet-ef migrations add NAME --project {project} --output-dir Migrations");
    }
}
