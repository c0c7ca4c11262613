namespace CaseBot.Storage.Backup;

/// <summary>Bound from "CaseBot:Storage:Backup".</summary>
public sealed class BackupOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Where backup files go; relative to the working directory. Best on another disk.</summary>
    public string Folder { get; set; } = "data/backups";
    /// <summary>Cron expression (minute hour day month weekday) in <see cref="TimeZone"/>: 02:00 every night.</summary>
    public string Schedule { get; set; } = "0 2 * * *";
    /// <summary>Backups older than this many days are deleted after a new one succeeds.</summary>
    public int KeepDays { get; set; } = 14;
    /// <summary>IANA id (e.g. "Asia/Makassar"); empty means the region's zone.</summary>
    public string? TimeZone { get; set; }

    public static TimeZoneInfo ZoneOf(BackupOptions options, TimeZoneInfo? regionZone) =>
        !string.IsNullOrWhiteSpace(options.TimeZone) ? TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)
        : regionZone ?? TimeZoneInfo.Utc;
}
