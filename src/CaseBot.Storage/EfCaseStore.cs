using System.Linq.Expressions;
using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using CaseBot.Storage.Prepared;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Storage;

/// <summary>The EF Core unit of work behind <see cref="ICaseStore"/>: one DbContext, one SaveChanges.</summary>
/// <param name="groupCommit">SQLite: the writer that commits waiting units of work together (null: this one commits alone).</param>
/// <param name="release">Gives the context back once the unit of work is over (SQLite: with its lent connection;
/// PostgreSQL: to the shelf of kept contexts); without it the context is disposed.</param>
public sealed class EfCaseStore(CaseBotDbContext db, GroupCommit.SqliteGroupCommit? groupCommit = null,
    Func<ValueTask>? release = null) : ICaseStore
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new();

    /// <summary>This process's one writer turn on a SQLite file.</summary>
    internal static SemaphoreSlim WriterGate(string connectionString) => SqliteWriters.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));

    private readonly List<ChannelContact> _touched = [];
    private readonly List<OutboxMessage> _outgoing = [];
    /// <summary>Conversations saved (a value) or ended (null) in this unit of work, by user key.</summary>
    private readonly Dictionary<string, Conversation?> _conversations = [];
    /// <summary>Conversations read, with what they held then: one changed but not saved explicitly is written too.</summary>
    private readonly List<(Conversation Read, Conversation Was)> _read = [];

    private ProcessedMessage? _processed;

    public void MarkProcessed(string channel, string messageId, DateTimeOffset at) =>
        _processed = new ProcessedMessage { Channel = channel, MessageId = messageId, At = at };

    /// <summary>The message id, inserted first in the commit's transaction: an id already there inserts nothing, and
    /// then nothing else of this unit of work is written either (no error for the database to log, either).</summary>
    private async Task WriteProcessedAsync()
    {
        if (_processed is not { } p) return;
        if (!await HotWrites.InsertProcessedAsync(db.Database, p))
            throw new DuplicateMessageException($"Message {p.Channel}/{p.MessageId} was handled before.");
        _processed = null;
    }

    public async Task ReleaseUnsentAsync(string channel, string sourceMessageId)
    {
        foreach (var row in await db.Outbox.Where(o => o.Channel == channel && o.SourceMessageId == sourceMessageId
                                                       && o.State == OutboxState.Pending).ToListAsync())
            row.DueAt = DateTimeOffset.UnixEpoch;
    }

    public void AddOutgoing(OutboxMessage message) => _outgoing.Add(message);

    public async Task<IReadOnlyList<OutboxMessage>> FailedOutgoingAsync(int take) =>
        await db.Outbox.Where(o => o.State == OutboxState.Failed).OrderByDescending(o => o.Id).Take(take).ToListAsync();

    public async Task<long?> GetCursorAsync(string channel) =>
        (await db.Cursors.FirstOrDefaultAsync(c => c.Channel == channel))?.Position;

    public async Task SetCursorAsync(string channel, long position)
    {
        var cursor = await db.Cursors.FirstOrDefaultAsync(c => c.Channel == channel);
        if (cursor is null) db.Cursors.Add(new ChannelCursor { Channel = channel, Position = position });
        // The last update fetched, not a maximum kept forever: Telegram restarts its ids (a week idle, a new token).
        else cursor.Position = position;
    }

    public void TouchContact(string channel, string chatId, DateTimeOffset at) =>
        _touched.Add(new ChannelContact { Channel = channel, ChatId = chatId, LastInboundAt = at });

    public async Task<DateTimeOffset?> LastInboundAsync(string channel, string chatId) =>
        _touched.LastOrDefault(c => c.Channel == channel && c.ChatId == chatId)?.LastInboundAt
        ?? await HotLookups.LastInbound.For(db)(db, channel, chatId);

    // Conversations are read untracked and written as one statement each at commit (HotWrites): a unit of work sees
    // its own saves and ends first.
    public async Task<Conversation?> GetConversationAsync(string userKey) =>
        _conversations.TryGetValue(userKey, out var written) ? written : Remember(await HotLookups.Conversation.For(db)(db, userKey));

    public async Task<IReadOnlyList<Conversation>> ConversationsSinceAsync(string channel, DateTimeOffset since)
    {
        var prefix = channel + ":";
        var read = await db.Conversations.AsNoTracking().Where(c => c.UserKey.StartsWith(prefix) && c.UpdatedAt >= since)
            .OrderBy(c => c.UpdatedAt).ToListAsync();
        foreach (var c in read) Remember(c);
        return read;
    }

    private Conversation? Remember(Conversation? read)
    {
        if (read is not null) _read.Add((read, Copy(read)));
        return read;
    }

    private static Conversation Copy(Conversation c) => new()
    {
        UserKey = c.UserKey, Flow = c.Flow, State = c.State, DataJson = c.DataJson, DraftVersion = c.DraftVersion,
        UpdatedAt = c.UpdatedAt, RemindedAt = c.RemindedAt,
    };

    private static bool Same(Conversation a, Conversation b) =>
        (a.UserKey, a.Flow, a.State, a.DataJson, a.DraftVersion, a.UpdatedAt, a.RemindedAt)
        == (b.UserKey, b.Flow, b.State, b.DataJson, b.DraftVersion, b.UpdatedAt, b.RemindedAt);

    public void SaveConversation(Conversation conversation) => _conversations[conversation.UserKey] = conversation;

    public Task EndConversationAsync(string userKey)
    {
        _conversations[userKey] = null;
        return Task.CompletedTask;
    }

    /// <summary>The conversations saved, ended, or read and changed: one statement each.</summary>
    private IEnumerable<FormattableString> ConversationWrites()
    {
        foreach (var (read, was) in _read)
            if (!_conversations.ContainsKey(read.UserKey) && !Same(read, was)) _conversations[read.UserKey] = read;
        return _conversations.Select(c => c.Value is null ? HotWrites.DeleteConversation(c.Key) : HotWrites.UpsertConversation(c.Value));
    }

    public Task<Reporter?> FindReporterAsync(string channel, string externalUserId) => HotLookups.Reporter.For(db)(db, channel, externalUserId);

    public Task<Reporter?> GetReporterAsync(int id) =>
        db.Reporters.Include(r => r.Identities).FirstOrDefaultAsync(r => r.Id == id);

    public async Task<IReadOnlyList<Reporter>> ListReportersAsync(ReporterStatus status) =>
        await db.Reporters.Include(r => r.Identities).Where(r => r.Status == status).OrderBy(r => r.Id).ToListAsync();

    public async Task<IReadOnlyList<Reporter>> ListAdminsAsync() =>
        await db.Reporters.Include(r => r.Identities).Where(r => r.IsAdmin).ToListAsync();

    public async Task<IReadOnlyList<Reporter>> ListApprovedCoveringAsync(IReadOnlyCollection<ReporterRole> roles, string kabupaten, string kecamatan) =>
        await HotLookups.ApprovedCovering.For(db)(db, roles.ToArray(), kabupaten, kecamatan).ToListAsync();

    public void AddReporter(Reporter reporter) => db.Reporters.Add(reporter);

    public void AddIdentity(Reporter reporter, ChannelIdentity identity) => reporter.Identities.Add(identity);

    public async Task<IReadOnlyList<DisasterEvent>> RecentEventsAsync(string? kabupaten, string? kecamatan, DateOnly since, int take) =>
        await HotLookups.RecentEvents.For(db)(db, kabupaten, kecamatan, since, take).ToListAsync();

    // FindAsync: the rules checked at Simpan and the save itself read the same event or case; one query serves them all.
    public async Task<DisasterEvent?> GetEventAsync(int id) => await db.Events.FindAsync(id);

    public void AddEvent(DisasterEvent disasterEvent) => db.Events.Add(disasterEvent);

    public Task<AidDistribution?> GetAidAsync(int id) => db.Aid.Include(a => a.Event).FirstOrDefaultAsync(a => a.Id == id);

    public void AddAid(AidDistribution aid) => db.Aid.Add(aid);

    public async Task<PpksCase?> GetCaseAsync(int id) => await db.Cases.FindAsync(id);

    public async Task<IReadOnlyList<PpksCase>> FindPossibleDuplicatesAsync(string? nik, string name, string kabupaten, string kecamatan, string desa)
    {
        var lowerName = name.Trim().ToLower();
        var lowerDesa = desa.Trim().ToLower();
        return await db.Cases
            .Where(c => (nik != null && c.Nik == nik)
                        || (c.Name.ToLower() == lowerName && c.Kabupaten == kabupaten && c.Kecamatan == kecamatan && c.Desa.ToLower() == lowerDesa))
            .OrderBy(c => c.Id).Take(5).ToListAsync();
    }

    public void AddCase(PpksCase ppksCase) => db.Cases.Add(ppksCase);

    public void AddPossibleDuplicate(PossibleDuplicate link) => db.PossibleDuplicates.Add(link);

    public async Task<IReadOnlyList<PossibleDuplicate>> OpenDuplicatesAsync(string? kabupaten, string? kecamatan, int take = 10) =>
        await db.PossibleDuplicates.Include(d => d.Case).Include(d => d.OtherCase)
            .Where(d => d.Status == DuplicateStatus.Open)
            .Where(d => kabupaten == null
                        || (d.Case!.Kabupaten == kabupaten && (kecamatan == null || d.Case.Kecamatan == kecamatan))
                        || (d.OtherCase!.Kabupaten == kabupaten && (kecamatan == null || d.OtherCase.Kecamatan == kecamatan)))
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(take).ToListAsync();

    public Task<PossibleDuplicate?> GetDuplicateAsync(int id) =>
        db.PossibleDuplicates.Include(d => d.Case).Include(d => d.OtherCase).FirstOrDefaultAsync(d => d.Id == id);

    public void Add<T>(T entity) where T : class => db.Set<T>().Add(entity);

    public async Task<T?> FindAsync<T>(int id) where T : class => await db.Set<T>().FindAsync(id);

    public async Task<IReadOnlyList<T>> ListAsync<T>(Expression<Func<T, bool>> filter, Expression<Func<T, DateTimeOffset>> newestFirst, int take)
        where T : class =>
        await db.Set<T>().Where(filter).OrderByDescending(newestFirst).Take(take).ToListAsync();

    public Task<GroupChat?> GetGroupAsync(string channel, string chatId) =>
        db.Groups.FirstOrDefaultAsync(g => g.Channel == channel && g.ChatId == chatId);

    public void AddGroup(GroupChat group) => db.Groups.Add(group);

    public void RemoveGroup(GroupChat group) => db.Groups.Remove(group);

    public void AddAudit(AuditEntry entry) => db.Audit.Add(entry);

    public async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(string subject) =>
        await db.Audit.Where(a => a.Subject == subject).OrderBy(a => a.Id).ToListAsync();

    public Task CommitAsync() => CommitAsync(null);

    public async Task CommitAsync(Action? afterSave)
    {
        // Every changed versioned record moves to the next version; EF checks the one it read (a concurrency token).
        foreach (var entry in db.ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version++;
        try
        {
            await SaveAsync(afterSave);
            Written();
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrentUpdateException("A versioned record was saved by someone else meanwhile.", ex);
        }
    }

    private async Task SaveAsync(Action? afterSave)
    {
        if (groupCommit is not null && db.Database.CurrentTransaction is null)
        {
            await groupCommit.SaveAsync(db, () => WriteAsync(afterSave));
            return;
        }
        if (db.Database.IsSqlite())
        {
            // SQLite has one writer at a time. Queueing this process's writers here is fair and costs nothing,
            // where SQLite's own busy handling would have them poll and sleep (long tail latencies under load).
            var gate = WriterGate(db.Database.GetConnectionString()!);
            await gate.WaitAsync();
            try { await SaveInOneTransactionAsync(afterSave); }
            finally { gate.Release(); }
            return;
        }
        // PostgreSQL: the unit of work may run in a transaction opened with the user's advisory lock.
        await SaveInOneTransactionAsync(afterSave);
    }

    /// <summary>The change, then what names its new ids (the outgoing confirmation): both or neither are written.</summary>
    private async Task SaveInOneTransactionAsync(Action? afterSave)
    {
        if (afterSave is null && !WritesOwnRows && db.Database.CurrentTransaction is null)
        {
            await db.SaveChangesAsync();
            return;
        }
        var transaction = db.Database.CurrentTransaction ?? await db.Database.BeginTransactionAsync();
        await WriteAsync(afterSave);
        await transaction.CommitAsync();
    }

    /// <summary>Rows written by statement of its own (not the change tracker's) are waiting.</summary>
    private bool WritesOwnRows => _processed is not null || _touched.Count > 0 || _outgoing.Count > 0 || _conversations.Count > 0
                                  || _read.Exists(r => !Same(r.Read, r.Was));

    /// <summary>After a commit: nothing waits; what was read is compared with what it holds now.</summary>
    private void Written()
    {
        _touched.Clear();
        _outgoing.Clear();
        _read.RemoveAll(r => _conversations.TryGetValue(r.Read.UserKey, out var c) && c is null);
        for (var i = 0; i < _read.Count; i++) _read[i] = (_read[i].Read, Copy(_read[i].Read));
        _conversations.Clear();
    }

    /// <summary>Everything the unit of work writes, inside the transaction its caller commits.</summary>
    private async Task WriteAsync(Action? afterSave)
    {
        await WriteProcessedAsync();
        await db.SaveChangesAsync();
        if (afterSave is not null)
        {
            afterSave();
            await db.SaveChangesAsync();
        }
        await HotWrites.RunAsync(db.Database,
            [.. ConversationWrites(), .. _touched.Select(HotWrites.UpsertContact), .. _outgoing.Select(HotWrites.InsertOutgoing)]);
    }

    public async ValueTask DisposeAsync()
    {
        await (release is null ? db.DisposeAsync() : release());
    }
}
