using System.Linq.Expressions;
using CaseBot.Domain.Entities;

namespace CaseBot.Domain.Abstractions;

/// <summary>
/// One unit of work against the case database: everything a single inbound message reads and changes.
/// Nothing is written until <see cref="CommitAsync"/>, so a reply is only sent after its data is durable.
/// </summary>
public interface ICaseStore : IAsyncDisposable
{
    // Idempotency
    /// <summary>Records the inbound message id with everything else at <see cref="CommitAsync"/>. An id handled before
    /// (a redelivery) makes the commit throw <see cref="DuplicateMessageException"/> and write nothing: one insert per
    /// message instead of a lookup first.</summary>
    void MarkProcessed(string channel, string messageId, DateTimeOffset at);

    /// <summary>A redelivered message: its replies still unsent become due at once (they must go out, not vanish).</summary>
    Task ReleaseUnsentAsync(string channel, string sourceMessageId);

    // Outbox
    /// <summary>A message to send, written with everything else at <see cref="CommitAsync"/>.</summary>
    void AddOutgoing(OutboxMessage message);
    /// <summary>Messages that could not be delivered for good (blocked bot, number not on WhatsApp), newest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> FailedOutgoingAsync(int take);

    /// <summary>The last update id a channel fully handled (Telegram's getUpdates offset), if any.</summary>
    Task<long?> GetCursorAsync(string channel);
    Task SetCursorAsync(string channel, long position);

    /// <summary>Records that the user wrote now (opens WhatsApp's 24-hour window), written at commit without a lookup.</summary>
    void TouchContact(string channel, string chatId, DateTimeOffset at);
    Task<DateTimeOffset?> LastInboundAsync(string channel, string chatId);

    // Conversations
    Task<Conversation?> GetConversationAsync(string userKey);
    /// <summary>Conversations of one channel's users updated since a time (to show their pending questions after a restart).</summary>
    Task<IReadOnlyList<Conversation>> ConversationsSinceAsync(string channel, DateTimeOffset since);
    void SaveConversation(Conversation conversation);
    Task EndConversationAsync(string userKey);

    // Reporters
    Task<Reporter?> FindReporterAsync(string channel, string externalUserId);
    Task<Reporter?> GetReporterAsync(int id);
    Task<IReadOnlyList<Reporter>> ListReportersAsync(ReporterStatus status);
    Task<IReadOnlyList<Reporter>> ListAdminsAsync();
    /// <summary>Approved reporters of <paramref name="roles"/> whose area holds the kecamatan: the whole kabupaten or that
    /// kecamatan (who verifies a report there), read in SQL rather than every reporter in memory.</summary>
    Task<IReadOnlyList<Reporter>> ListApprovedCoveringAsync(IReadOnlyCollection<ReporterRole> roles, string kabupaten, string kecamatan);
    void AddReporter(Reporter reporter);
    /// <summary>Another chat account for a registered person (an admin links WhatsApp and Telegram).</summary>
    void AddIdentity(Reporter reporter, ChannelIdentity identity);

    // Disaster events
    /// <summary>Open events since a date, newest first; a null kabupaten means every kabupaten.</summary>
    Task<IReadOnlyList<DisasterEvent>> RecentEventsAsync(string? kabupaten, string? kecamatan, DateOnly since, int take);
    Task<DisasterEvent?> GetEventAsync(int id);
    void AddEvent(DisasterEvent disasterEvent);

    // Aid
    Task<AidDistribution?> GetAidAsync(int id);
    void AddAid(AidDistribution aid);

    // PPKS
    Task<PpksCase?> GetCaseAsync(int id);
    /// <summary>Cases that may be the same person: same NIK anywhere, or same name (case-insensitive) in the same desa
    /// of the same kecamatan and kabupaten.</summary>
    Task<IReadOnlyList<PpksCase>> FindPossibleDuplicatesAsync(string? nik, string name, string kabupaten, string kecamatan, string desa);
    void AddCase(PpksCase ppksCase);

    // Possible duplicates (officers resolve them)
    /// <summary>Links two cases as possibly the same person. Set the navigations (Case may be a case not saved yet).</summary>
    void AddPossibleDuplicate(PossibleDuplicate link);
    /// <summary>
    /// Open links where either case lies in <paramref name="kabupaten"/> (and <paramref name="kecamatan"/> when given),
    /// newest first, with both cases loaded. <paramref name="kabupaten"/> null means every area (admins).
    /// </summary>
    Task<IReadOnlyList<PossibleDuplicate>> OpenDuplicatesAsync(string? kabupaten, string? kecamatan, int take = 10);
    /// <summary>One link with both cases loaded.</summary>
    Task<PossibleDuplicate?> GetDuplicateAsync(int id);

    // Group chats (daily summary)
    Task<GroupChat?> GetGroupAsync(string channel, string chatId);
    void AddGroup(GroupChat group);
    void RemoveGroup(GroupChat group);

    // Any report kind (a kind declares its entity; the store needs no method of its own for it)
    void Add<T>(T entity) where T : class;
    Task<T?> FindAsync<T>(int id) where T : class;
    /// <summary>The newest <paramref name="take"/> rows matching <paramref name="filter"/>.</summary>
    Task<IReadOnlyList<T>> ListAsync<T>(Expression<Func<T, bool>> filter, Expression<Func<T, DateTimeOffset>> newestFirst, int take)
        where T : class;

    // Follow-up
    void AddAudit(AuditEntry entry);
    Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(string subject);

    /// <summary>Writes everything in one transaction (and ends the user's lock, where there is one). Throws
    /// <see cref="ConcurrentUpdateException"/> when a versioned record was saved by someone else since it was read.</summary>
    Task CommitAsync() => CommitAsync(null);

    /// <summary>As <see cref="CommitAsync()"/>, in one transaction with what <paramref name="afterSave"/> adds once
    /// new rows have their ids (a confirmation names the report number it was given).</summary>
    Task CommitAsync(Action? afterSave);
}

/// <summary>Someone else saved a record between this unit of work reading it and committing: nothing was written.</summary>
public sealed class ConcurrentUpdateException(string message, Exception inner) : Exception(message, inner);

/// <summary>The commit held a message id already recorded (a redelivery): nothing was written.</summary>
public sealed class DuplicateMessageException(string message) : Exception(message);

public interface ICaseStoreFactory
{
    ICaseStore Create();

    /// <summary>The unit of work for one message of <paramref name="userKey"/>. Where several bot instances share
    /// the database it also holds that user's lock until commit or dispose, so no two instances handle one chat at once.</summary>
    Task<ICaseStore> OpenForUserAsync(string userKey, CancellationToken ct = default);
}
