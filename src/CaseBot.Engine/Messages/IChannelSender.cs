namespace CaseBot.Engine.Messages;

/// <summary>A channel's delivery of one stored message (its outbox dispatcher calls it): it only translates and delivers;
/// a refusal no retry can mend is a <see cref="PermanentDeliveryException"/>.</summary>
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

/// <summary>The channels with a sender running in this instance. Messages never go to a sender directly: they are
/// stored in the outbox and the channel's dispatcher sends them.</summary>
public sealed class OutboundMessages(IEnumerable<IChannelSender> senders)
{
    private readonly HashSet<string> _channels = senders.Select(s => s.Channel).ToHashSet();

    public bool CanSend(string channel) => _channels.Contains(channel);

    public IReadOnlyCollection<string> Channels => _channels;

    /// <summary>False when no channel runs here: schedulers need not even look.</summary>
    public bool Any => _channels.Count > 0;
}
