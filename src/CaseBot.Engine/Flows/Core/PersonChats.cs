using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;

namespace CaseBot.Engine.Flows;

/// <summary>
/// Where a notice for a person goes: one of their linked chat accounts, the one they last wrote from (someone with
/// both Telegram and WhatsApp gets it once, where they are now); the first linked one when they never wrote.
/// </summary>
public static class PersonChats
{
    public static async Task<(string Channel, string ChatId)?> PreferredAsync(ICaseStore store, Reporter person)
    {
        (string Channel, string ChatId)? best = null;
        DateTimeOffset? bestAt = null;
        foreach (var identity in person.Identities.OrderBy(i => i.Id))
        {
            var at = await store.LastInboundAsync(identity.Channel, identity.ChatId);
            if (best is null || at is not null && (bestAt is null || at > bestAt))
                (best, bestAt) = ((identity.Channel, identity.ChatId), at);
        }
        return best;
    }
}
