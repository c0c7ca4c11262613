using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace CaseBot.Channels.Telegram;

/// <summary>
/// Runs updates of one chat in order and of different chats in parallel: each chat always maps to the same worker
/// queue. Queues are bounded, so a flood waits instead of growing memory.
/// </summary>
public sealed class ChatDispatcher : IAsyncDisposable
{
    private readonly Channel<(Update Update, TaskCompletionSource Done)>[] _queues;
    private readonly Task[] _workers;
    private readonly CancellationTokenSource _stop = new();

    public ChatDispatcher(UpdateHandler handler, TelegramOptions options, ILogger<ChatDispatcher> logger)
    {
        _queues = Enumerable.Range(0, Math.Max(1, options.Workers))
            .Select(_ => Channel.CreateBounded<(Update, TaskCompletionSource)>(new BoundedChannelOptions(1000) { SingleReader = true }))
            .ToArray();
        _workers = _queues.Select(queue => Task.Run(async () =>
        {
            await foreach (var (update, done) in queue.Reader.ReadAllAsync(_stop.Token))
            {
                try
                {
                    await handler.HandleAsync(update, _stop.Token);
                    done.SetResult();
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Update {UpdateId} failed", update.Id);
                    done.SetException(ex);
                }
            }
        })).ToArray();
    }

    /// <summary>Queues the update behind earlier ones of its chat; completes when it has been handled.</summary>
    public async Task DispatchAsync(Update update, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Chat and From may be missing from a webhook body though the library types say otherwise: such an update goes to queue 0.
        var chat = update.Message?.Chat?.Id ?? update.CallbackQuery?.Message?.Chat?.Id ?? update.CallbackQuery?.From?.Id ?? 0;
        await _queues[(int)((ulong)chat % (ulong)_queues.Length)].Writer.WriteAsync((update, done), ct);
        await done.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues) queue.Writer.TryComplete();
        await _stop.CancelAsync();
        await Task.WhenAll(_workers).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}
