namespace CaseBot.Reporting.Summary;

/// <summary>Bound from "CaseBot:Summary" (config/casebot.json).</summary>
public sealed class SummaryOptions
{
    public const string Section = "CaseBot:Summary";

    /// <summary>Cron (5 fields) in the group's time zone; per-group times set with /waktugrup override it.</summary>
    public string Schedule { get; set; } = "0 7 * * *";

    /// <summary>IANA zone of the schedule when the group's area has none: WITA.</summary>
    public string TimeZone { get; set; } = "Asia/Makassar";

    /// <summary>A kecamatan with no report for this many days is listed so officers can call them.</summary>
    public int SilentDays { get; set; } = 3;

    /// <summary>The area summarised for a group registered without one (a kabupaten or province name).</summary>
    public string? DefaultArea { get; set; }
}
