using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>What a step sees: the answers so far, the user, the store of this message's unit of work.</summary>
public sealed class FlowContext(
    ICaseStore store, ReferenceData reference, IncomingMessage message, Reporter? reporter,
    Dictionary<string, string> data, DateTimeOffset now)
{
    public ICaseStore Store { get; } = store;
    public ReferenceData Reference { get; } = reference;
    public IncomingMessage Message { get; } = message;
    public Reporter? Reporter { get; } = reporter;
    public Dictionary<string, string> Data { get; } = data;
    public DateTimeOffset Now { get; } = now;

    /// <summary>Today in the reporter's region (WITA by default): what "hari ini" means to them.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Reference.TimeZoneOf(Reporter?.Kabupaten)).DateTime);

    /// <summary>Messages for other chats (e.g. a notice to admins), sent after the commit.</summary>
    public List<OutgoingMessage> Notices { get; } = [];

    public string? Get(string key) => Data.GetValueOrDefault(key);
    public string Require(string key) => Data.TryGetValue(key, out var v) ? v : throw new InvalidOperationException($"Answer '{key}' missing.");
    public int GetInt(string key) => int.TryParse(Get(key), out var v) ? v : 0;
    public void Set(string key, string? value)
    {
        if (value is null) Data.Remove(key); else Data[key] = value;
    }
}
