namespace CaseBot.Engine.Messages;

/// <summary>A button. <see cref="Data"/> comes back as <see cref="IncomingMessage.ButtonData"/> (keep it under 64 bytes).</summary>
public sealed record Choice(string Label, string Data);

/// <summary>A message to send. Channels render <see cref="Choices"/> as buttons, lists or numbered lines.</summary>
public sealed record OutgoingMessage(string Channel, string ChatId, string Text, IReadOnlyList<Choice> Choices)
{
    public OutgoingMessage(string channel, string chatId, string text) : this(channel, chatId, text, []) { }

    /// <summary>A file to attach (PNG chart, XLSX export); the text becomes its caption or follows it.</summary>
    public OutgoingFile? File { get; init; }

    /// <summary>See <see cref="Reply.AcceptsText"/>: channels that number buttons must not map typed numbers to them.</summary>
    public bool AcceptsText { get; init; }

    /// <summary>The person it is for, where known (shown to admins when it cannot be delivered).</summary>
    public int? ReporterId { get; init; }

    /// <summary>A channel message to replace in place (the next page of a list) instead of sending a new one.</summary>
    public string? ReplacesMessageId { get; init; }

    /// <summary>See <see cref="Domain.Entities.OutboxMessage.Tag"/>: set on broadcasts (an alert's messages).</summary>
    public string? Tag { get; init; }
}

public sealed record OutgoingFile(string FileName, string ContentType, byte[] Content);
