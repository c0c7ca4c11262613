using System.Globalization;
using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Reporting.Summary;
using Cronos;

namespace CaseBot.Reporting.Commands.Summary;

/// <summary>When a group's summary is due: the latest scheduled moment not yet served, in the group's time zone.</summary>
public static class SummarySchedule
{
    /// <summary>A summary is late when sent this long after its time (after downtime).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(30);

    public sealed record Due(DateTimeOffset ScheduledAt, DateOnly LocalDay, bool Late);

    /// <summary>
    /// The most recent occurrence at or before <paramref name="now"/> (looking back two days) whose local day has not been
    /// sent and which falls after the group was registered; null when nothing is owed. Only the latest missed day is owed.
    /// </summary>
    public static Due? Find(GroupChat group, Region? area, SummaryOptions options, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(group.TimeZone ?? area?.EffectiveTimeZone ?? options.TimeZone);
        var cron = Cron(group, options);
        var latest = cron.GetOccurrences(now.AddDays(-2), now, zone, fromInclusive: true, toInclusive: true).LastOrDefault();
        if (latest == default || latest <= group.RegisteredAt) return null;
        var day = LocalDay.Of(latest, zone);
        if (group.LastSentDay is { } sent && sent >= day) return null;
        return new Due(latest, day, now - latest > LateAfter);
    }

    private static CronExpression Cron(GroupChat group, SummaryOptions options)
    {
        if (group.SendTime is { } time && TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            return CronExpression.Parse($"{t.Minute} {t.Hour} * * *");
        return CronExpression.Parse(options.Schedule);
    }
}
