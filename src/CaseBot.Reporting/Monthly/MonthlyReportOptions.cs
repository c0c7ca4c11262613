namespace CaseBot.Reporting.Monthly;

/// <summary>Bound from "CaseBot:MonthlyReport" (config/casebot.json).</summary>
public sealed class MonthlyReportOptions
{
    public const string Section = "CaseBot:MonthlyReport";

    public bool Enabled { get; set; } = true;

    /// <summary>"HH:mm" on the first day of each month, in the group's time zone (as the daily summary).</summary>
    public string Time { get; set; } = "08:00";
}
