using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>What a command sees: the same session a flow step sees.</summary>
public sealed class CommandContext(FlowSession session)
{
    public CommandContext(ICaseStore store, ReferenceData reference, IncomingMessage message, Reporter? reporter, DateTimeOffset now)
        : this(new FlowSession(store, reference, message, reporter, now)) { }

    public FlowSession Session { get; } = session;
    public ICaseStore Store => Session.Store;
    public ReferenceData Reference => Session.Reference;
    public IncomingMessage Message => Session.Message;
    public Reporter? Reporter => Session.Reporter;
    public DateTimeOffset Now => Session.Now;
    public DateOnly Today => Session.Today;
    /// <summary>Messages for other chats (e.g. telling a reporter they were approved), sent after the commit.</summary>
    public List<OutgoingMessage> Notices => Session.Notices;
    public bool IsAdmin => Session.IsAdmin;
}
