using CaseBot.Engine.Messages;

namespace CaseBot.Tests.Alerts;

/// <summary>A channel's outbound side that records each message with the (fake) clock's time it went out.</summary>
public sealed class ClockedSender(string channel) : IChannelSender
{
    private readonly List<(OutgoingMessage Message, DateTimeOffset At)> _sent = [];

    public string Channel => channel;

    /// <summary>The clock of the host it runs in (a restart brings a new host; the record goes on).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public IReadOnlyList<(OutgoingMessage Message, DateTimeOffset At)> Sent
    {
        get { lock (_sent) return _sent.ToList(); }
    }

    /// <summary>Chats this channel refuses for good (a blocked bot).</summary>
    public HashSet<string> Refused { get; } = [];

    public Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (Refused.Contains(message.ChatId)) throw new PermanentDeliveryException("Pengguna memblokir bot (uji).");
        lock (_sent) _sent.Add((message, Clock.GetUtcNow()));
        return Task.CompletedTask;
    }

    /// <summary>The most messages that went out within any one second.</summary>
    public int MostInOneSecond()
    {
        var times = Sent.Select(s => s.At).Order().ToList();
        var most = 0;
        for (int first = 0, last = 0; last < times.Count; last++)
        {
            while (times[last] - times[first] >= TimeSpan.FromSeconds(1)) first++;
            most = Math.Max(most, last - first + 1);
        }
        return most;
    }
}
