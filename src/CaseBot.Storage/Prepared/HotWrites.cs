using CaseBot.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CaseBot.Storage.Prepared;

/// <summary>
/// The rows a message writes besides its report (its id, the contact, the conversation, the replies), as plain
/// statements in the commit's transaction, none through the change tracker. The SQL is the same on SQLite and
/// PostgreSQL and constant, so each connection prepares it once (like <see cref="HotLookups"/>).
/// </summary>
internal static class HotWrites
{
    /// <summary>False when the id is there already (a redelivery): nothing is inserted, and no error is logged.</summary>
    public static async Task<bool> InsertProcessedAsync(DatabaseFacade db, ProcessedMessage p) =>
        await db.ExecuteSqlAsync($"""
            INSERT INTO "ProcessedMessages" ("Channel", "MessageId", "At") VALUES ({p.Channel}, {p.MessageId}, {Stored(p.At)})
            ON CONFLICT DO NOTHING
            """) == 1;

    public static Task UpsertContactAsync(DatabaseFacade db, ChannelContact c) =>
        db.ExecuteSqlAsync($"""
            INSERT INTO "Contacts" ("Channel", "ChatId", "LastInboundAt") VALUES ({c.Channel}, {c.ChatId}, {Stored(c.LastInboundAt)})
            ON CONFLICT ("Channel", "ChatId") DO UPDATE SET "LastInboundAt" = excluded."LastInboundAt"
            """);

    /// <summary>The conversation as the flow left it, whether it is new or was read in this unit of work.</summary>
    public static Task UpsertConversationAsync(DatabaseFacade db, Conversation c) =>
        db.ExecuteSqlAsync($"""
            INSERT INTO "Conversations" ("UserKey", "Flow", "State", "DataJson", "DraftVersion", "UpdatedAt", "RemindedAt")
            VALUES ({c.UserKey}, {c.Flow}, {c.State}, {c.DataJson}, {c.DraftVersion}, {Stored(c.UpdatedAt)}, {Stored(c.RemindedAt)})
            ON CONFLICT ("UserKey") DO UPDATE SET "Flow" = excluded."Flow", "State" = excluded."State",
                "DataJson" = excluded."DataJson", "DraftVersion" = excluded."DraftVersion", "UpdatedAt" = excluded."UpdatedAt",
                "RemindedAt" = excluded."RemindedAt"
            """);

    public static Task DeleteConversationAsync(DatabaseFacade db, string userKey) =>
        db.ExecuteSqlAsync($"""DELETE FROM "Conversations" WHERE "UserKey" = {userKey}""");

    /// <summary>A new outbox row (pending, due as written); its id is the database's. Enums are stored by name.</summary>
    public static Task InsertOutgoingAsync(DatabaseFacade db, OutboxMessage m) =>
        db.ExecuteSqlAsync($"""
            INSERT INTO "Outbox" ("Channel", "ChatId", "ReporterId", "Text", "ChoicesJson", "AcceptsText", "ReplacesMessageId",
                "FileName", "FileContentType", "FileContent", "SourceMessageId", "Tag", "CreatedAt", "DueAt", "Attempts", "State",
                "SentAt", "Error", "ClaimedBy", "ClaimedUntil")
            VALUES ({m.Channel}, {m.ChatId}, {m.ReporterId}, {m.Text}, {m.ChoicesJson}, {m.AcceptsText}, {m.ReplacesMessageId},
                {m.FileName}, {m.FileContentType}, {m.FileContent}, {m.SourceMessageId}, {m.Tag}, {Stored(m.CreatedAt)},
                {Stored(m.DueAt)}, {m.Attempts}, {m.State.ToString()}, {Stored(m.SentAt)}, {m.Error}, {m.ClaimedBy}, {Stored(m.ClaimedUntil)})
            """);

    /// <summary>A time as the model stores it (raw SQL bypasses the model's converter).</summary>
    private static long Stored(DateTimeOffset at) => DateTimeOffsetToUnixMsConverter.ToStored(at);

    private static long? Stored(DateTimeOffset? at) => at is { } value ? Stored(value) : null;
}
