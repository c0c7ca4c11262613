using CaseBot.Storage.Jobs;
using Microsoft.Extensions.Logging;

namespace CaseBot.Storage.Backup;

/// <summary>Runs <see cref="SqliteBackup"/> on the configured schedule (02:00 in the region's zone by default).</summary>
public sealed class NightlyBackupJob(SqliteBackup backup, StorageOptions options, TimeZoneInfo zone, IJobLock jobLock,
    TimeProvider clock, ILogger<NightlyBackupJob> logger)
    : ScheduledJob("backup", options.Backup.Schedule, zone, jobLock, clock, logger)
{
    protected override Task RunAsync(DateTimeOffset occurrence, CancellationToken ct) => backup.RunAsync(occurrence, Zone, ct);
}
