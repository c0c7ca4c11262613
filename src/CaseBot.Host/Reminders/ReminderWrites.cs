using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Host.Reminders;

/// <summary>The one way a reminder is stored: its marker and its outbox row in one transaction, or neither.</summary>
public static class ReminderWrites
{
    /// <summary>
    /// Runs <paramref name="claim"/>, a conditional update of the reminder's marker (the row as it was read, marker not
    /// yet set); when it changed one row, stores the message (and <paramref name="also"/>) and commits. Another instance,
    /// or the user answering meanwhile, makes the claim change nothing: then nothing is written. Returns whether it was stored.
    /// </summary>
    public static async Task<bool> SendOnceAsync(IDbContextFactory<CaseBotDbContext> contexts, Func<CaseBotDbContext, Task<int>> claim,
        OutgoingMessage message, DateTimeOffset now, CancellationToken ct, Action<CaseBotDbContext>? also = null)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await claim(db) != 1) return false;
        db.Outbox.Add(OutboxRows.From(message, null, now));
        also?.Invoke(db);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
