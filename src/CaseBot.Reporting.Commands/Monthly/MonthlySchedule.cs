using System.Globalization;
using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Reporting.Commands.Summary;
using CaseBot.Reporting.Monthly;
using CaseBot.Reporting.Summary;

namespace CaseBot.Reporting.Commands.Monthly;

/// <summary>When a group's monthly report is due: the first day of the month at the configured time, in the group's zone.</summary>
public static class MonthlySchedule
{
    /// <param name="Month">The first day of the month reported (the one before <paramref name="ScheduledAt"/>'s).</param>
    public sealed record Due(DateTimeOffset ScheduledAt, DateOnly Month, bool Late);

    /// <summary>
    /// The latest first-of-month occurrence at or before <paramref name="now"/>, when its month has not been sent and it
    /// falls after the group was registered; null when nothing is owed. Only the latest missed month is owed: after a
    /// long outage the group gets last month's report late, not a backlog.
    /// </summary>
    public static Due? Find(GroupChat group, Region? area, MonthlyReportOptions options, SummaryOptions summary, DateTimeOffset now)
    {
        // The zone the daily summary uses for this group, so both arrive on the group's clock.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(group.TimeZone ?? area?.EffectiveTimeZone ?? summary.TimeZone);
        var time = TimeOnly.TryParseExact(options.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : new TimeOnly(8, 0);
        var today = LocalDay.Of(now, zone);
        var scheduled = At(new DateOnly(today.Year, today.Month, 1), time, zone);
        if (scheduled > now) scheduled = At(new DateOnly(today.Year, today.Month, 1).AddMonths(-1), time, zone);
        if (scheduled <= group.RegisteredAt) return null;
        var month = LocalDay.Of(scheduled, zone).AddMonths(-1);
        if (group.LastMonthlyReport is { } sent && sent >= month) return null;
        return new Due(scheduled, month, now - scheduled > SummarySchedule.LateAfter);
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
