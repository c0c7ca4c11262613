namespace CaseBot.Domain.Entities;

public enum OutboxState { Pending, Sent, Failed }

/// <summary>
/// One message to send, written in the same transaction as the change that caused it, so a saved report is never
/// left unannounced: a channel's dispatcher sends pending rows in order per chat and marks them sent.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>The channel whose dispatcher delivers it ("telegram", "whatsapp", "terminal").</summary>
    public required string Channel { get; set; }
    public required string ChatId { get; set; }
    /// <summary>The person it is for, when it is addressed to a reporter (shown to admins when it cannot be delivered).</summary>
    public int? ReporterId { get; set; }
    public required string Text { get; set; }
    /// <summary>The buttons, as JSON (the engine's choices; storage does not interpret them).</summary>
    public string? ChoicesJson { get; set; }
    public bool AcceptsText { get; set; }
    /// <summary>A channel message to edit in place instead of sending anew (paging through a long list).</summary>
    public string? ReplacesMessageId { get; set; }
    public string? FileName { get; set; }
    public string? FileContentType { get; set; }
    public byte[]? FileContent { get; set; }
    /// <summary>The inbound message that caused it: a redelivery of that message makes an unsent reply due at once.</summary>
    public string? SourceMessageId { get; set; }
    /// <summary>What a broadcast belongs to ("siaga:12"): its delivery report reads these rows. Broadcast rows are paced
    /// to the channel's rate; replies to someone who just wrote are not held behind them.</summary>
    public string? Tag { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Real time (not the business clock): when the next attempt may be made.</summary>
    public DateTimeOffset DueAt { get; set; }
    public int Attempts { get; set; }
    public OutboxState State { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Why the last attempt failed (for admins when it failed for good).</summary>
    public string? Error { get; set; }
    /// <summary>The instance sending it now, and until when (another instance may take it over after that).</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}
