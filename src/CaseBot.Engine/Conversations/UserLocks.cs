using System.Collections.Concurrent;

namespace CaseBot.Engine.Conversations;

/// <summary>
/// One lock per user, so one user's messages are handled one at a time. Locks nobody holds or waits for and unused
/// for a while are released, so memory follows active users, not everyone who ever wrote.
/// </summary>
public sealed class UserLocks
{
    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Users;
        public long LastUsed = Environment.TickCount64;
        public bool Released;
    }

    private readonly ConcurrentDictionary<string, Entry> _locks = new();

    public int Count => _locks.Count;

    public async Task<IDisposable> AcquireAsync(string userKey, CancellationToken ct)
    {
        while (true)
        {
            var entry = _locks.GetOrAdd(userKey, _ => new Entry());
            lock (entry)
            {
                // Released between the lookup and here: take the new entry instead.
                if (entry.Released) continue;
                entry.Users++;
            }
            try
            {
                await entry.Gate.WaitAsync(ct);
            }
            catch
            {
                Leave(entry);
                throw;
            }
            return new Holder(entry);
        }
    }

    /// <summary>Releases locks idle for at least <paramref name="idle"/>; returns how many.</summary>
    public int ReleaseIdle(TimeSpan idle)
    {
        var cutoff = Environment.TickCount64 - (long)idle.TotalMilliseconds;
        var released = 0;
        foreach (var (key, entry) in _locks)
            lock (entry)
                if (entry.Users == 0 && entry.LastUsed <= cutoff && _locks.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
                {
                    entry.Released = true;
                    released++;
                }
        return released;
    }

    private static void Leave(Entry entry)
    {
        lock (entry)
        {
            entry.Users--;
            entry.LastUsed = Environment.TickCount64;
        }
    }

    private sealed class Holder(Entry entry) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            entry.Gate.Release();
            Leave(entry);
        }
    }
}
