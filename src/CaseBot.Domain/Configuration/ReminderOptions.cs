using System.Globalization;

namespace CaseBot.Domain.Configuration;

/// <summary>
/// "CaseBot:Reminders": what the bot says unasked to keep reports coming, and when it keeps quiet.
/// Every reminder is sent at most once per occasion; quiet hours are read in the recipient's region's time zone.
/// </summary>
public sealed class ReminderOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often the checker looks for reminders due.</summary>
    public int CheckMinutes { get; set; } = 5;

    /// <summary>A flow left unanswered this long gets one reminder with its pending question (0 = never).</summary>
    public int DraftReminderHours { get; set; } = 2;

    /// <summary>A flow left unanswered this long ends: its draft goes to the audit trail, nothing is counted (0 = never).</summary>
    public int DraftExpiryHours { get; set; } = 48;

    /// <summary>A TKSK whose kecamatan sent no report for this many days gets a polite nudge, once per silence (0 = never).</summary>
    public int SilentTkskDays { get; set; } = 7;

    /// <summary>An open event not updated for this many days asks its reporter for fresh figures or to close it (0 = never).</summary>
    public int StaleEventDays { get; set; } = 3;

    /// <summary>"HH:mm" local time from which nothing is sent, until <see cref="QuietEnd"/> (may cross midnight).</summary>
    public string QuietStart { get; set; } = "21:00";

    public string QuietEnd { get; set; } = "07:00";

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>Whether <paramref name="now"/> falls in quiet hours in <paramref name="zone"/>; an unreadable setting means none.</summary>
    public bool IsQuiet(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (!TryParseTime(QuietStart, out var start) || !TryParseTime(QuietEnd, out var end) || start == end) return false;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return start < end ? local >= start && local < end : local >= start || local < end;
    }
}
