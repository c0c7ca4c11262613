using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CaseBot.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CaseBot.Storage.Prepared;

/// <summary>
/// The rows a message writes besides its report (its id, the contact, the conversation, the replies), as plain
/// statements in the commit's transaction, none through the change tracker. The SQL is the same on SQLite and
/// PostgreSQL and constant, so each connection prepares it once (like <see cref="HotLookups"/>). On PostgreSQL the
/// statements after the message id go to the server in one batch: one round trip, where each was one.
/// </summary>
internal static partial class HotWrites
{
    /// <summary>False when the id is there already (a redelivery): nothing is inserted, and no error is logged.</summary>
    public static async Task<bool> InsertProcessedAsync(DatabaseFacade db, ProcessedMessage p) =>
        await db.ExecuteSqlAsync($"""
            INSERT INTO "ProcessedMessages" ("Channel", "MessageId", "At") VALUES ({p.Channel}, {p.MessageId}, {Stored(p.At)})
            ON CONFLICT DO NOTHING
            """) == 1;

    public static FormattableString UpsertContact(ChannelContact c) =>
        $"""
            INSERT INTO "Contacts" ("Channel", "ChatId", "LastInboundAt") VALUES ({c.Channel}, {c.ChatId}, {Stored(c.LastInboundAt)})
            ON CONFLICT ("Channel", "ChatId") DO UPDATE SET "LastInboundAt" = excluded."LastInboundAt"
            """;

    /// <summary>The conversation as the flow left it, whether it is new or was read in this unit of work.</summary>
    public static FormattableString UpsertConversation(Conversation c) =>
        $"""
            INSERT INTO "Conversations" ("UserKey", "Flow", "State", "DataJson", "DraftVersion", "UpdatedAt", "RemindedAt")
            VALUES ({c.UserKey}, {c.Flow}, {c.State}, {c.DataJson}, {c.DraftVersion}, {Stored(c.UpdatedAt)}, {Stored(c.RemindedAt)})
            ON CONFLICT ("UserKey") DO UPDATE SET "Flow" = excluded."Flow", "State" = excluded."State",
                "DataJson" = excluded."DataJson", "DraftVersion" = excluded."DraftVersion", "UpdatedAt" = excluded."UpdatedAt",
                "RemindedAt" = excluded."RemindedAt"
            """;

    public static FormattableString DeleteConversation(string userKey) =>
        $"""DELETE FROM "Conversations" WHERE "UserKey" = {userKey}""";

    /// <summary>A new outbox row (pending, due as written); its id is the database's. Enums are stored by name.</summary>
    public static FormattableString InsertOutgoing(OutboxMessage m) =>
        $"""
            INSERT INTO "Outbox" ("Channel", "ChatId", "ReporterId", "Text", "ChoicesJson", "AcceptsText", "ReplacesMessageId",
                "FileName", "FileContentType", "FileContent", "SourceMessageId", "Tag", "CreatedAt", "DueAt", "Attempts", "State",
                "SentAt", "Error", "ClaimedBy", "ClaimedUntil")
            VALUES ({m.Channel}, {m.ChatId}, {m.ReporterId}, {m.Text}, {m.ChoicesJson}, {m.AcceptsText}, {m.ReplacesMessageId},
                {m.FileName}, {m.FileContentType}, {m.FileContent}, {m.SourceMessageId}, {m.Tag}, {Stored(m.CreatedAt)},
                {Stored(m.DueAt)}, {m.Attempts}, {m.State.ToString()}, {Stored(m.SentAt)}, {m.Error}, {m.ClaimedBy}, {Stored(m.ClaimedUntil)})
            """;

    /// <summary>The statements, in order, in the context's transaction: one batch on PostgreSQL, one by one on SQLite
    /// (in-process: nothing to save by batching, and each statement stays one that SQLite keeps prepared).</summary>
    public static async Task RunAsync(DatabaseFacade db, IReadOnlyList<FormattableString> statements)
    {
        if (statements.Count > 1 && db.GetDbConnection() is NpgsqlConnection connection)
        {
            await using var batch = new NpgsqlBatch(connection)
            {
                Transaction = (NpgsqlTransaction?)db.CurrentTransaction?.GetDbTransaction(),
            };
            foreach (var statement in statements)
            {
                var command = new NpgsqlBatchCommand(Positional.GetOrAdd(statement.Format,
                    format => Placeholder().Replace(format, m => "$" + (int.Parse(m.Groups[1].Value) + 1))));
                foreach (var value in statement.GetArguments()) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync();
            return;
        }
        foreach (var statement in statements) await db.ExecuteSqlAsync(statement);
    }

    /// <summary>Each statement's text with PostgreSQL's positional parameters, converted once (the texts are constants).</summary>
    private static readonly ConcurrentDictionary<string, string> Positional = new(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    /// <summary>A time as the model stores it (raw SQL bypasses the model's converter).</summary>
    private static long Stored(DateTimeOffset at) => DateTimeOffsetToUnixMsConverter.ToStored(at);

    private static long? Stored(DateTimeOffset? at) => at is { } value ? Stored(value) : null;
}
