using CaseBot.Domain.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace CaseBot.Channels.Telegram;

/// <summary>
/// Long polling: fetch a batch, handle it (chats in parallel, each chat in order), then persist the last update id,
/// so a restart continues after it. A crash mid-batch redelivers the batch; the engine ignores messages it already
/// handled (by chat and message id, which survive an update id reset).
/// </summary>
public sealed class TelegramPolling(
    ITelegramBotClient bot, ChatDispatcher dispatcher, ICaseStoreFactory stores, TelegramOptions options, TelegramStartup startup,
    ILogger<TelegramPolling> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.RunAsync(stoppingToken);
        long? handled;
        await using (var store = stores.Create()) handled = await store.GetCursorAsync(UpdateMapper.ChannelName);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(handled is null ? null : (int)(handled + 1), limit: 100,
                    timeout: options.PollTimeoutSeconds, allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], cancellationToken: stoppingToken);
                failures = 0;
                if (updates.Length == 0)
                {
                    await Task.Delay(options.IdleDelayMilliseconds, stoppingToken);
                    continue;
                }
                await Task.WhenAll(updates.Select(u => dispatcher.DispatchAsync(u, stoppingToken)));
                // The last update fetched: Telegram restarts its ids (a week idle, a new token), so a kept maximum would
                // skip every new update.
                handled = updates[^1].Id;
                await using var store = stores.Create();
                await store.SetCursorAsync(UpdateMapper.ChannelName, handled.Value);
                await store.CommitAsync();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception ex)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, ++failures)));
                logger.LogError(ex, "Telegram polling failed; trying again in {Wait}", wait);
                await Task.Delay(wait, stoppingToken);
            }
        }
    }
}
