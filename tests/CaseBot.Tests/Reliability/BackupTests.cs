using CaseBot.Storage.Backup;
using CaseBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseBot.Tests.Reliability;

/// <summary>The nightly online backup of the SQLite database, its retention, and the restore the README describes.</summary>
public sealed class BackupTests
{
    private static readonly string[] BackupArgs = ["--CaseBot:Storage:Backup:Folder=backups", "--CaseBot:Storage:Backup:KeepDays=14"];

    private static async Task<BotHarness> StartAsync(TestDatabase? database = null)
    {
        database ??= TestDatabase.Create(StorageKind.Sqlite);
        var args = BackupArgs.Select(a => a.Replace("=backups", "=" + Path.Combine(database.Folder, "backups"))).ToArray();
        return await BotHarness.StartAsync(database, extraArgs: args);
    }

    [Fact]
    public async Task A_backup_taken_while_the_bot_writes_restores_into_a_working_bot()
    {
        await using var bot = await StartAsync();
        await Scenario.RegisterAdminAsync(bot);
        await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
        await Scenario.ReportFloodAsync(bot, "10");

        var backup = bot.Services.GetRequiredService<SqliteBackup>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () => // another user keeps the database busy meanwhile
        {
            var n = 0;
            while (!stop.IsCancellationRequested) await bot.Say("11", n++ % 2 == 0 ? "/daftar" : "/batal");
        });
        var file = await backup.RunAsync(bot.Clock.GetUtcNow(), zone);
        stop.Cancel();
        await writer;

        Assert.Equal("casebot-20240315-100000.db", Path.GetFileName(file)); // stamped in the region's time (WITA)
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.partial"));
        await using (var c = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=false"))
        {
            await c.OpenAsync();
            await using var check = c.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", await check.ExecuteScalarAsync());
        }

        // Restore (README): stop the bot, put the backup in place of casebot.db (no -wal/-shm beside it), start.
        var restored = Directory.CreateTempSubdirectory("casebot-restore-").FullName;
        File.Copy(file, Path.Combine(restored, "casebot.db"));
        await using var again = await BotHarness.StartAsync(restored, bot.Clock.GetUtcNow());
        Assert.Contains("Tertangani 100 dari 120 korban", await again.Say("10", "/status BC-2024-0001"));
        var saved = "";
        foreach (var a in new[] { "/bencana", "Kejadian baru", "Banjir", "Malili", "Lampia", "hari ini", "0", "0", "1", "5", "20", "6", "10", "simpan" })
            saved = await again.Say("10", a);
        Assert.Contains("BC-2024-0002", saved); // and it takes new reports
    }

    [Fact]
    public async Task Backups_older_than_the_retention_are_deleted_and_the_newest_is_always_kept()
    {
        await using var bot = await StartAsync();
        var backup = bot.Services.GetRequiredService<SqliteBackup>();
        Directory.CreateDirectory(backup.Folder);
        foreach (var stamp in new[] { "20240215-020000", "20240229-020000", "20240302-020000", "20240310-020000" })
            await File.WriteAllTextAsync(Path.Combine(backup.Folder, $"casebot-{stamp}.db"), "old");
        var notOurs = Path.Combine(backup.Folder, "notes.txt");
        await File.WriteAllTextAsync(notOurs, "kept");

        await backup.RunAsync(bot.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"));

        var left = backup.List().Select(b => Path.GetFileName(b.Path)).ToList();
        Assert.Equal(["casebot-20240315-100000.db", "casebot-20240310-020000.db", "casebot-20240302-020000.db"], left);
        Assert.True(File.Exists(notOurs));
    }

    [Fact]
    public async Task The_nightly_job_runs_at_two_in_the_morning_wita_on_one_instance_only()
    {
        var database = TestDatabase.Create(StorageKind.Sqlite);
        await using var first = await StartAsync(database);
        await using var second = await StartAsync(database); // a second process on the same database
        var jobs = new[] { first, second }.Select(b => b.Services.GetServices<IHostedService>().OfType<NightlyBackupJob>().Single()).ToList();
        foreach (var job in jobs) await job.StartAsync(CancellationToken.None);
        var firstRun = new DateTimeOffset(2024, 3, 15, 18, 0, 0, TimeSpan.Zero); // 16 March 02:00 WITA
        await WaitUntilAsync(() => jobs.All(j => j.NextDue == firstRun));

        foreach (var bot in new[] { first, second }) bot.Clock.Advance(TimeSpan.FromHours(16)); // to 02:00 WITA
        // A job may register its wait just after the jump; time going on (a second a poll) wakes it within its minute step.
        await WaitUntilAsync(() => jobs.All(j => j.NextDue == firstRun.AddDays(1)),
            () => { foreach (var bot in new[] { first, second }) bot.Clock.Advance(TimeSpan.FromSeconds(1)); });
        foreach (var job in jobs) await job.StopAsync(CancellationToken.None);

        var files = first.Services.GetRequiredService<SqliteBackup>().List();
        Assert.Equal("casebot-20240316-020000.db", Path.GetFileName(Assert.Single(files).Path));
        await using var db = first.Db();
        var claim = await db.JobClaims.SingleAsync();
        Assert.Equal(("backup", firstRun), (claim.Job, claim.Occurrence));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Action? meanwhile = null)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(100);
            meanwhile?.Invoke();
        }
        Assert.True(condition());
    }
}
