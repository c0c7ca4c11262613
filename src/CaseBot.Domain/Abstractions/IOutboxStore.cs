using CaseBot.Domain.Entities;

namespace CaseBot.Domain.Abstractions;

/// <summary>What a channel's dispatcher needs of the stored outbox. Each call is its own short transaction.</summary>
public interface IOutboxStore
{
    /// <summary>The oldest pending rows of a channel, in the order they were written.</summary>
    Task<IReadOnlyList<OutboxMessage>> PendingAsync(string channel, int take, CancellationToken ct);

    /// <summary>Takes a pending row for <paramref name="owner"/> until <paramref name="until"/>; false when another
    /// instance holds it or it is no longer pending.</summary>
    Task<bool> ClaimAsync(long id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken ct);

    Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken ct);

    /// <summary>Claims and marks a pending row sent in one statement (for a sender that cannot fail, which then
    /// writes it): no claim is left behind by a process killed meanwhile. False when it is not pending or claimed.</summary>
    Task<bool> TakeAsSentAsync(long id, DateTimeOffset now, CancellationToken ct);
    Task RetryLaterAsync(long id, DateTimeOffset due, string error, CancellationToken ct);
    Task MarkFailedAsync(long id, DateTimeOffset at, string error, CancellationToken ct);

    /// <summary>Deletes processed-message ids recorded before <paramref name="processedBefore"/> (business time) and rows
    /// sent before <paramref name="sentBefore"/> (real time); returns how many rows went.</summary>
    Task<int> PruneAsync(DateTimeOffset processedBefore, DateTimeOffset sentBefore, CancellationToken ct);
}
