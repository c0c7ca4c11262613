using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using Microsoft.Extensions.Logging;

namespace CaseBot.Engine.Outbox;

/// <summary>
/// One channel's sender of stored messages: due rows go out in the order they were written, per chat (a later row
/// waits while an earlier one of its chat waits for a retry), each marked sent once its channel took it. Failures are
/// retried with a doubling wait; a permanent refusal is recorded and not tried again. Broadcast rows (tagged) are paced
/// to the channel's configured rate. Delivery is at least once: an instance killed after its channel took a row and
/// before recording it leaves the row to be sent again once its claim ends (logged, as it may arrive twice).
/// </summary>
public sealed class OutboxDispatcher(IChannelSender sender, IOutboxStore store, OutboxOptions options, ILogger logger, BroadcastPace? pace = null)
{
    private const int Batch = 200;
    /// <summary>This process, so instances on one database never send one row twice at once.</summary>
    private static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}"[..^24];

    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Channel => sender.Channel;

    /// <summary>Sends every row due now; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var delivered = 0;
            while (true)
            {
                var rows = await store.PendingAsync(Channel, Batch, ct);
                var waiting = new HashSet<string>(); // chats whose earlier row is not out yet
                var done = 0;
                foreach (var row in rows)
                {
                    if (waiting.Contains(row.ChatId)) continue;
                    var message = OutboxRows.ToMessage(row);
                    if (!sender.CanDeliverNow(message))
                    {
                        waiting.Add(row.ChatId); // stays stored, in order, until the channel can take it
                        continue;
                    }
                    if (row.Tag is not null && pace?.TryTake() == false)
                    {
                        waiting.Add(row.ChatId); // the broadcast's share of this second is used; replies still go
                        continue;
                    }
                    var now = DateTimeOffset.UtcNow;
                    if (sender.MarkSentFirst)
                    {
                        // Taken and marked in one statement, then written: nothing is left claimed by a killed process.
                        if (!await store.TakeAsSentAsync(row.Id, now, ct))
                        {
                            waiting.Add(row.ChatId);
                            continue;
                        }
                        await sender.SendAsync(message, ct);
                        Diagnostics.BotMetrics.Delivered(row.Channel, now - row.CreatedAt);
                        delivered++;
                        done++;
                        continue;
                    }
                    if (row.DueAt > now || !await store.ClaimAsync(row.Id, Instance, now, now + TimeSpan.FromSeconds(options.ClaimSeconds), ct))
                    {
                        waiting.Add(row.ChatId);
                        continue;
                    }
                    if (row is { ClaimedUntil: not null, ClaimedBy: { } owner } && owner != Instance)
                        // Neither sent, retried nor failed by the instance that took it: it may have reached the user.
                        logger.LogWarning("Message {Id} to {Channel}:{Chat} was taken by {Owner} and never recorded; " +
                                          "sending it again (it may arrive twice)", row.Id, row.Channel, row.ChatId, owner);
                    switch (await TrySendAsync(row, ct))
                    {
                        case Outcome.Sent: delivered++; done++; break;
                        case Outcome.Failed: done++; break;
                        default: waiting.Add(row.ChatId); break;
                    }
                }
                if (rows.Count < Batch || done == 0) return delivered;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private enum Outcome { Sent, Failed, Later }

    private async Task<Outcome> TrySendAsync(OutboxMessage row, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(OutboxRows.ToMessage(row), ct);
        }
        catch (PermanentDeliveryException ex)
        {
            logger.LogWarning("Message {Id} to {Channel}:{Chat} not deliverable: {Reason}", row.Id, row.Channel, row.ChatId, ex.Reason);
            await store.MarkFailedAsync(row.Id, DateTimeOffset.UtcNow, ex.Reason, CancellationToken.None);
            Diagnostics.BotMetrics.NotDeliverable(row.Channel);
            return Outcome.Failed;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var wait = TimeSpan.FromSeconds(Math.Min(options.MaxRetrySeconds, Math.Pow(2, Math.Min(row.Attempts, 20))));
            logger.LogWarning(ex, "Message {Id} to {Channel}:{Chat} not sent (attempt {Attempt}); next try in {Wait}",
                row.Id, row.Channel, row.ChatId, row.Attempts + 1, wait);
            await store.RetryLaterAsync(row.Id, DateTimeOffset.UtcNow + wait, ex.Message, CancellationToken.None);
            return Outcome.Later;
        }
        // Sent: recorded even when stopping, so a restart does not send it again.
        await store.MarkSentAsync(row.Id, DateTimeOffset.UtcNow, CancellationToken.None);
        Diagnostics.BotMetrics.Delivered(row.Channel, DateTimeOffset.UtcNow - row.CreatedAt);
        return Outcome.Sent;
    }
}
