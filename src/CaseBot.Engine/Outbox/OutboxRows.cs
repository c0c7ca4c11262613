using System.Text.Json;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Outbox;

/// <summary>An engine message as a stored outbox row and back.</summary>
public static class OutboxRows
{
    public static OutboxMessage From(OutgoingMessage message, string? sourceMessageId, DateTimeOffset createdAt) => new()
    {
        Channel = message.Channel, ChatId = message.ChatId, ReporterId = message.ReporterId, Text = message.Text,
        ChoicesJson = message.Choices.Count == 0 ? null : JsonSerializer.Serialize(message.Choices),
        AcceptsText = message.AcceptsText, ReplacesMessageId = message.ReplacesMessageId,
        FileName = message.File?.FileName, FileContentType = message.File?.ContentType, FileContent = message.File?.Content,
        SourceMessageId = sourceMessageId, CreatedAt = createdAt, Tag = message.Tag,
        // Due at once; retries move it on in real time (the business clock may stand still in tests).
        DueAt = DateTimeOffset.UnixEpoch,
    };

    public static OutgoingMessage ToMessage(OutboxMessage row) =>
        new(row.Channel, row.ChatId, row.Text,
            row.ChoicesJson is null ? [] : JsonSerializer.Deserialize<List<Choice>>(row.ChoicesJson) ?? [])
        {
            File = row.FileContent is { } content ? new OutgoingFile(row.FileName ?? "lampiran", row.FileContentType ?? "application/octet-stream", content) : null,
            AcceptsText = row.AcceptsText, ReporterId = row.ReporterId, ReplacesMessageId = row.ReplacesMessageId, Tag = row.Tag,
        };
}
