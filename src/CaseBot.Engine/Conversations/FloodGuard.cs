using System.Collections.Concurrent;
using CaseBot.Domain.Configuration;

namespace CaseBot.Engine.Conversations;

public enum FloodVerdict { Allowed, Notice, Drop }

/// <summary>
/// The per-user flood limit: at most <see cref="CaseBotOptions.FloodMessages"/> messages in any
/// <see cref="CaseBotOptions.FloodWindowSeconds"/>. The first message over it gets a polite notice; the rest of the
/// burst is dropped without a reply (answering each would feed the flood). Counts are per instance, in memory.
/// Reads the engine's <see cref="TimeProvider"/>, so tests control the window.
/// </summary>
public sealed class FloodGuard(CaseBotOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, UserLog> _users = new();
    private int _checks;

    private sealed class UserLog
    {
        public readonly Queue<DateTimeOffset> Accepted = new();
        public DateTimeOffset NoticeAt = DateTimeOffset.MinValue;
    }

    private TimeSpan Window => TimeSpan.FromSeconds(options.FloodWindowSeconds);

    public FloodVerdict Check(string channel, string userKey, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (options.FloodMessages <= 0 || options.FloodExemptChannels.Contains(channel, StringComparer.OrdinalIgnoreCase))
            return FloodVerdict.Allowed;
        var now = clock.GetUtcNow();
        if (Interlocked.Increment(ref _checks) % 10_000 == 0) Forget(now);
        var log = _users.GetOrAdd(userKey, _ => new UserLog());
        lock (log)
        {
            while (log.Accepted.Count > 0 && log.Accepted.Peek() <= now - Window) log.Accepted.Dequeue();
            if (log.Accepted.Count < options.FloodMessages)
            {
                log.Accepted.Enqueue(now);
                return FloodVerdict.Allowed;
            }
            wait = log.Accepted.Peek() + Window - now;
            if (log.NoticeAt > now - Window) return FloodVerdict.Drop;
            log.NoticeAt = now;
            return FloodVerdict.Notice;
        }
    }

    /// <summary>The polite notice, in Indonesian.</summary>
    public static string NoticeText(TimeSpan wait) =>
        $"⏳ Pesan Anda terlalu banyak dalam waktu singkat. Mohon tunggu {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} detik, " +
        "lalu kirim lagi. Jawaban Anda sebelumnya tetap tersimpan.";

    /// <summary>Drops users quiet for a whole window, so memory follows active users only.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, log) in _users)
            lock (log)
                if ((log.Accepted.Count == 0 || log.Accepted.Last() <= now - Window) && log.NoticeAt <= now - Window)
                    _users.TryRemove(key, out _);
    }
}
