using System.Text.Json;
using CaseBot.Domain.Entities;

namespace CaseBot.Engine.Flows;

/// <summary>The typed draft in the conversation row.</summary>
public abstract partial class Flow<TDraft>
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private void Store(Conversation conversation, TDraft draft)
    {
        conversation.DataJson = JsonSerializer.Serialize(draft, Json);
        conversation.DraftVersion = Info.DraftVersion;
    }

    /// <summary>Null when the row was written by another shape of this flow (the engine then restarts it with a notice).</summary>
    private TDraft? Load(Conversation conversation)
    {
        if (conversation.DraftVersion != Info.DraftVersion) return null;
        try
        {
            return JsonSerializer.Deserialize<TDraft>(conversation.DataJson, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
