using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

public sealed class CommandContext(ICaseStore store, ReferenceData reference, IncomingMessage message, Reporter? reporter, DateTimeOffset now)
{
    public ICaseStore Store { get; } = store;
    public ReferenceData Reference { get; } = reference;
    public IncomingMessage Message { get; } = message;
    public Reporter? Reporter { get; } = reporter;
    public DateTimeOffset Now { get; } = now;
    /// <summary>Messages for other chats (e.g. telling a reporter they were approved), sent after the commit.</summary>
    public List<OutgoingMessage> Notices { get; } = [];
    public bool IsAdmin => Reporter?.IsAdmin == true || Reference.IsConfiguredAdmin(Message.UserKey);
}
