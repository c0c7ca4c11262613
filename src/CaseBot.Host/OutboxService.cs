using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Configuration;
using CaseBot.Engine.Conversations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using CaseBot.Engine.Outbox;

namespace CaseBot.Host;

/// <summary>
/// Keeps every dispatcher going: at start it sends what a stopped or killed process left unsent, then it looks again
/// every <see cref="OutboxOptions.PollMilliseconds"/> (retries fall due, other instances write rows). Once an hour it
/// prunes old handled ids and sent rows, and releases idle per-user locks.
/// </summary>
public sealed class OutboxService(OutboxDispatchers dispatchers, IOutboxStore store, ConversationEngine engine, CaseBotOptions options,
    TimeProvider clock, ILogger<OutboxService> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPrune = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            // The terminal sends after each line it reads; printing between its prompts would garble the console.
            foreach (var dispatcher in dispatchers.All.Where(d => d.Channel != CaseBot.Channels.Terminal.TerminalChannel.ChannelName))
            {
                try { await dispatcher.SendDueAsync(stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Outbox of {Channel} could not be read; trying again", dispatcher.Channel);
                }
            }
            if (DateTimeOffset.UtcNow - lastPrune >= PruneEvery)
            {
                lastPrune = DateTimeOffset.UtcNow;
                await PruneAsync(stoppingToken);
            }
            await Task.Delay(options.Outbox.PollMilliseconds, stoppingToken);
        }
    }

    public async Task PruneAsync(CancellationToken ct)
    {
        try
        {
            var pruned = await store.PruneAsync(clock.GetUtcNow().AddDays(-options.Outbox.ProcessedMessageDays),
                DateTimeOffset.UtcNow.AddDays(-options.Outbox.SentMessageDays), ct);
            var locks = engine.ReleaseIdleLocks(TimeSpan.FromMinutes(options.Outbox.IdleLockMinutes));
            if (pruned + locks > 0) logger.LogInformation("Pruned {Rows} old rows and {Locks} idle user locks", pruned, locks);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Pruning failed; trying again later");
        }
    }
}
