using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Storage.Outbox;

/// <summary>The stored outbox for dispatchers: each update is one statement, safe across instances on one database.</summary>
internal sealed class EfOutboxStore(IDbContextFactory<CaseBotDbContext> contexts) : IOutboxStore
{
    public async Task<IReadOnlyList<OutboxMessage>> PendingAsync(string channel, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Outbox.AsNoTracking().Where(o => o.Channel == channel && o.State == OutboxState.Pending)
            .OrderBy(o => o.Id).Take(take).ToListAsync(ct);
    }

    public async Task<bool> ClaimAsync(long id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Outbox
            .Where(o => o.Id == id && o.State == OutboxState.Pending && (o.ClaimedUntil == null || o.ClaimedUntil < now || o.ClaimedBy == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedBy, owner).SetProperty(o => o.ClaimedUntil, until), ct) == 1;
    }

    public async Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Sent).SetProperty(o => o.SentAt, at)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.ClaimedUntil, (DateTimeOffset?)null), ct);
    }

    public async Task<bool> TakeAsSentAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Outbox
            .Where(o => o.Id == id && o.State == OutboxState.Pending && (o.ClaimedUntil == null || o.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Sent).SetProperty(o => o.SentAt, now)
                .SetProperty(o => o.Attempts, o => o.Attempts + 1), ct) == 1;
    }

    public async Task RetryLaterAsync(long id, DateTimeOffset due, string error, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.DueAt, due).SetProperty(o => o.Error, Shorten(error))
            .SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.ClaimedUntil, (DateTimeOffset?)null), ct);
    }

    public async Task MarkFailedAsync(long id, DateTimeOffset at, string error, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Failed).SetProperty(o => o.SentAt, at).SetProperty(o => o.Error, Shorten(error))
            .SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.ClaimedUntil, (DateTimeOffset?)null), ct);
    }

    public async Task<int> PruneAsync(DateTimeOffset processedBefore, DateTimeOffset sentBefore, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var processed = await db.ProcessedMessages.Where(p => p.At < processedBefore).ExecuteDeleteAsync(ct);
        var sent = await db.Outbox.Where(o => o.State == OutboxState.Sent && o.SentAt < sentBefore).ExecuteDeleteAsync(ct);
        return processed + sent;
    }

    private static string Shorten(string error) => error.Length <= 500 ? error : error[..500];
}
