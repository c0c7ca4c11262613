using Cronos;

namespace CaseBot.Host.ConfigCheck;

/// <summary>Checks of single values shared by the files: time zones, cron schedules, bounds.</summary>
public static class ValueChecks
{
    public static bool IsTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static void TimeZone(FileProblems problems, string path, string? id, bool emptyAllowed = false)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            if (!emptyAllowed) problems.Add(path, "zona waktu wajib diisi (contoh: Asia/Makassar)");
            return;
        }
        if (!IsTimeZone(id)) problems.Add(path, $"zona waktu \"{id}\" tidak dikenal (contoh: Asia/Makassar, Asia/Jakarta)");
    }

    /// <summary>Five fields (minute hour day month weekday), as the schedulers parse them.</summary>
    public static void Cron(FileProblems problems, string path, string? cron)
    {
        try
        {
            CronExpression.Parse(cron ?? "");
        }
        catch (CronFormatException)
        {
            problems.Add(path, $"jadwal cron \"{cron}\" tidak valid (lima bagian: menit jam tanggal bulan hari, contoh: 0 7 * * *)");
        }
    }

    public static void AtLeast(FileProblems problems, string path, long value, long min)
    {
        if (value < min) problems.Add(path, $"harus {min} atau lebih (sekarang {value})");
    }
}
