namespace CaseBot.Domain.Entities;

/// <summary>One change to a report or a user: who, when, which field, old and new value.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>The report number (BC-/LG-/PK-) or "USR-{id}" for a reporter.</summary>
    public required string Subject { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public int? ByReporterId { get; set; }
    public DateTimeOffset At { get; set; }
}
