using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Configuration;
using CaseBot.Engine.Messages;
using Microsoft.Extensions.Logging;

namespace CaseBot.Engine.Outbox;

/// <summary>The dispatchers of the channels this instance runs, by channel name.</summary>
public sealed class OutboxDispatchers(IEnumerable<IChannelSender> senders, IOutboxStore store, CaseBotOptions options, TimeProvider clock,
    ILoggerFactory loggers)
{
    private readonly Dictionary<string, OutboxDispatcher> _byChannel = senders.ToDictionary(s => s.Channel,
        s => new OutboxDispatcher(s, store, options.Outbox, loggers.CreateLogger($"CaseBot.Outbox.{s.Channel}"),
            new BroadcastPace(options.Outbox.BroadcastPerSecond.GetValueOrDefault(s.Channel), clock)));

    public IReadOnlyCollection<OutboxDispatcher> All => _byChannel.Values;

    /// <summary>Sends what is due on a channel now (a channel calls it after handling a message, before answering).</summary>
    public Task<int> SendDueAsync(string channel, CancellationToken ct = default) =>
        _byChannel.TryGetValue(channel, out var dispatcher) ? dispatcher.SendDueAsync(ct) : Task.FromResult(0);
}
