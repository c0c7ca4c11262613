namespace CaseBot.Reporting;

/// <summary>Where a local calendar day begins in UTC terms: reports are stamped in UTC, days are counted in WITA/WIB.</summary>
public static class LocalDay
{
    public static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
