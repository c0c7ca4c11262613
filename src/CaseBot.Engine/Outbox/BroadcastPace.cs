namespace CaseBot.Engine.Outbox;

/// <summary>
/// At most <c>perSecond</c> broadcast messages in any one second of the clock (a sliding window of the last sends, not a
/// token bucket, which lets twice the rate through across a window's edge). 0 or less: not paced.
/// </summary>
public sealed class BroadcastPace(int perSecond, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _recent = new();

    /// <summary>True (and counted) when one more may go now.</summary>
    public bool TryTake()
    {
        if (perSecond <= 0) return true;
        var now = clock.GetUtcNow();
        while (_recent.Count > 0 && _recent.Peek() <= now - Window) _recent.Dequeue();
        if (_recent.Count >= perSecond) return false;
        _recent.Enqueue(now);
        return true;
    }
}
