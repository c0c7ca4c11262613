namespace CaseBot.Domain.Configuration;

/// <summary>The stored outbox ("CaseBot:Outbox"): retries and how long handled ids and sent rows are kept.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often dispatchers look for due rows (retries, rows another instance wrote).</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>The longest wait between two attempts of one message (the wait doubles from one second up to this).</summary>
    public int MaxRetrySeconds { get; set; } = 300;

    /// <summary>Inbound message ids are remembered this long: WhatsApp redelivers for up to 7 days, Telegram 1 day.</summary>
    public int ProcessedMessageDays { get; set; } = 14;

    /// <summary>Sent messages are kept this long (for inspection), then deleted.</summary>
    public int SentMessageDays { get; set; } = 7;

    /// <summary>Per-user locks unused this long are released.</summary>
    public int IdleLockMinutes { get; set; } = 30;

    /// <summary>
    /// Broadcast messages (an alert to every volunteer of an area) a channel is given per second, by channel name; a
    /// channel not listed, or 0, is not paced. Below Telegram's 30 a second and WhatsApp's 80 (the Cloud API's lowest
    /// throughput tier), so replies to people who write meanwhile still fit. Replies are never held behind a broadcast.
    /// </summary>
    public Dictionary<string, int> BroadcastPerSecond { get; set; } = [];

    /// <summary>
    /// How long a dispatcher holds a row it is sending: long enough for one send with its in-process retries. A row an
    /// instance took and never recorded (killed between the channel taking it and the record) is sent again after
    /// this: it may then arrive twice, never not at all (channels offer no idempotent send).
    /// </summary>
    public int ClaimSeconds { get; set; } = 30;

    /// <summary>/readyz fails when a message has waited longer than this (a channel down, a dispatcher stuck).</summary>
    public int StuckMinutes { get; set; } = 10;
}
