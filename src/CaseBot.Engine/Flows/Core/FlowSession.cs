using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>One inbound message's world: the unit of work, reference data, the sender, the time.</summary>
public sealed class FlowSession(ICaseStore store, ReferenceData reference, IncomingMessage message, Reporter? reporter, DateTimeOffset now)
{
    public ICaseStore Store { get; } = store;
    public ReferenceData Reference { get; } = reference;
    public IncomingMessage Message { get; } = message;
    public Reporter? Reporter { get; } = reporter;
    public DateTimeOffset Now { get; } = now;

    /// <summary>Today in the reporter's region (WITA by default): what "hari ini" means to them.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Reference.TimeZoneOf(Reporter?.Kabupaten)).DateTime);

    /// <summary>Messages for other chats (e.g. a notice to admins), sent after the commit.</summary>
    public List<OutgoingMessage> Notices { get; } = [];

    public bool IsAdmin => Reporter?.IsAdmin == true || Reference.IsConfiguredAdmin(Message.UserKey);
}

/// <summary>What a step sees: the session and the flow's typed draft.</summary>
public sealed class FlowContext<TDraft>(FlowSession session, TDraft draft)
{
    public FlowSession Session { get; } = session;
    public TDraft Draft { get; } = draft;
    public ICaseStore Store => Session.Store;
    public ReferenceData Reference => Session.Reference;
    public IncomingMessage Message => Session.Message;
    public Reporter? Reporter => Session.Reporter;
    public DateTimeOffset Now => Session.Now;
    public DateOnly Today => Session.Today;
    public List<OutgoingMessage> Notices => Session.Notices;
}
