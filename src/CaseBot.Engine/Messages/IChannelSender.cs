namespace CaseBot.Engine.Messages;

/// <summary>A channel that can deliver a message nobody asked for right now (a daily summary, a notice).</summary>
public interface IChannelSender
{
    /// <summary>The channel name, as in <see cref="OutgoingMessage.Channel"/>.</summary>
    string Channel { get; }

    Task SendAsync(OutgoingMessage message, CancellationToken ct);

    /// <summary>False while the channel cannot show this message yet (the terminal shows only its active user's);
    /// the message then stays stored until it can.</summary>
    bool CanDeliverNow(OutgoingMessage message) => true;

    /// <summary>
    /// True for a local console, which cannot refuse a write: the row is marked sent just before the write, so a crash
    /// can only fall in the microseconds of the write itself, not in the database write after it (a repeat on restart).
    /// Remote channels mark after the platform accepted the message (at least once).
    /// </summary>
    bool MarkSentFirst => false;
}

/// <summary>Hands each message to the sender of its channel.</summary>
public sealed class OutboundMessages(IEnumerable<IChannelSender> senders)
{
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel);

    public bool CanSend(string channel) => _senders.ContainsKey(channel);

    /// <summary>The channels with a sender running.</summary>
    public IReadOnlyCollection<string> Channels => _senders.Keys;

    /// <summary>False in terminal mode: nothing can be sent unasked, so schedulers need not even look.</summary>
    public bool Any => _senders.Count > 0;

    public Task SendAsync(OutgoingMessage message, CancellationToken ct) =>
        _senders.TryGetValue(message.Channel, out var sender)
            ? sender.SendAsync(message, ct)
            : throw new InvalidOperationException($"No sender for channel '{message.Channel}' is running.");
}
