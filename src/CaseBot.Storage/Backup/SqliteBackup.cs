using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CaseBot.Storage.Backup;

/// <summary>
/// An online copy of the SQLite database with SQLite's backup API: a consistent snapshot taken while the bot keeps
/// running (WAL lets writers go on). Written under a temporary name and renamed, so a file named casebot-*.db is
/// always complete; old ones are pruned after a new one is checked.
/// </summary>
public sealed class SqliteBackup(StorageOptions options, TimeProvider clock, ILogger<SqliteBackup> logger)
{
    private const string Prefix = "casebot-";
    private const string StampFormat = "yyyyMMdd-HHmmss";

    public string Folder => Path.GetFullPath(options.Backup.Folder);

    /// <summary>Copies the database to casebot-yyyyMMdd-HHmmss.db (stamped with <paramref name="at"/> in <paramref name="zone"/>).</summary>
    public async Task<string> RunAsync(DateTimeOffset at, TimeZoneInfo zone, CancellationToken ct = default)
    {
        if (!options.IsSqlite) throw new InvalidOperationException("The backup API is SQLite's; back PostgreSQL up with pg_dump.");
        PrivateFiles.Folder(Folder);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var target = Path.Combine(Folder, $"{Prefix}{local.ToString(StampFormat, CultureInfo.InvariantCulture)}.db");
        var partial = target + ".partial";
        File.Delete(partial);
        PrivateFiles.File(partial); // renamed to the backup: it keeps this mode

        await using (var source = new SqliteConnection(StorageSetup.SqliteConnectionString(options.ConnectionString)))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
            await using var check = copy.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            var verdict = (string?)await check.ExecuteScalarAsync(ct);
            if (verdict != "ok") throw new InvalidDataException($"Backup failed its integrity check: {verdict}");
            // A backup is one self-contained file: no -wal beside it to lose.
            await using var journal = copy.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            await journal.ExecuteNonQueryAsync(ct);
        }
        File.Move(partial, target, overwrite: true);
        var pruned = Prune(clock.GetUtcNow(), zone);
        logger.LogInformation("Backup written to {File} ({Bytes} bytes); {Pruned} old backup(s) removed",
            target, new FileInfo(target).Length, pruned);
        return target;
    }

    /// <summary>Deletes backups whose stamp is older than KeepDays; never the newest one.</summary>
    public int Prune(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (!Directory.Exists(Folder)) return 0;
        var cutoff = TimeZoneInfo.ConvertTime(now, zone).DateTime.AddDays(-options.Backup.KeepDays);
        var backups = List().OrderByDescending(b => b.Stamp).Skip(1).Where(b => b.Stamp < cutoff).ToList();
        foreach (var b in backups) File.Delete(b.Path);
        return backups.Count;
    }

    /// <summary>The backups present, newest first, with the local time stamped in their name.</summary>
    public IReadOnlyList<(string Path, DateTime Stamp)> List() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, $"{Prefix}*.db")
                .Select(f => (Path: f, Ok: DateTime.TryParseExact(System.IO.Path.GetFileNameWithoutExtension(f)[Prefix.Length..],
                    StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp), Stamp: stamp))
                .Where(b => b.Ok).Select(b => (b.Path, b.Stamp)).OrderByDescending(b => b.Stamp).ToList()
            : [];
}
