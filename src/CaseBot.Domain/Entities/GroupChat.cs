namespace CaseBot.Domain.Entities;

/// <summary>A department group chat registered by an admin to receive the daily summary.</summary>
public sealed class GroupChat
{
    public required string Channel { get; set; }
    public required string ChatId { get; set; }
    public string? Title { get; set; }
    /// <summary>The region summarised (kabupaten, province or kecamatan name from regions.json).</summary>
    public required string Area { get; set; }
    /// <summary>"HH:mm" overriding the configured schedule, or null.</summary>
    public string? SendTime { get; set; }
    /// <summary>IANA zone for <see cref="SendTime"/>; null = the area's zone.</summary>
    public string? TimeZone { get; set; }
    /// <summary>The local day whose summary was last sent: the guard against sending twice.</summary>
    public DateOnly? LastSentDay { get; set; }
    /// <summary>The first day of the month whose monthly SPM report was last sent: the guard against sending it twice.</summary>
    public DateOnly? LastMonthlyReport { get; set; }
    public int? RegisteredBy { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
}
