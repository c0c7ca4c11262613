namespace CaseBot.Domain.Entities;

/// <summary>
/// A user's flow in progress, saved after every step so a restart resumes at the same question.
/// </summary>
public sealed class Conversation
{
    /// <summary>"channel:userId".</summary>
    public required string UserKey { get; set; }
    public required string Flow { get; set; }
    public required string State { get; set; }
    /// <summary>The flow's typed draft (the answers so far), as JSON.</summary>
    public string DataJson { get; set; } = "{}";
    /// <summary>The shape of <see cref="DataJson"/>: a draft of another version is restarted, never misread.</summary>
    public int DraftVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When the user was reminded of this unfinished flow; a reminder is owed again only after they answer
    /// (<see cref="UpdatedAt"/> moves past it) and leave it again.</summary>
    public DateTimeOffset? RemindedAt { get; set; }
}

/// <summary>How far a channel's update stream has been handled (e.g. Telegram's last update_id).</summary>
public sealed class ChannelCursor
{
    public required string Channel { get; set; }
    public long Position { get; set; }
}

/// <summary>When a user last wrote to the bot on a channel: WhatsApp allows free-form messages only within 24 hours of it.</summary>
public sealed class ChannelContact
{
    public required string Channel { get; set; }
    public required string ChatId { get; set; }
    public DateTimeOffset LastInboundAt { get; set; }
}

/// <summary>An inbound message id already handled, so a redelivery does nothing twice.</summary>
public sealed class ProcessedMessage
{
    public required string Channel { get; set; }
    public required string MessageId { get; set; }
    public DateTimeOffset At { get; set; }
}
