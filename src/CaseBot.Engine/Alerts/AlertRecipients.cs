using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Flows;

namespace CaseBot.Engine.Alerts;

/// <summary>Who an alert reaches: approved volunteers of the audience's roles in the area, each once, on the chat
/// account they last wrote from (see <see cref="PersonChats"/>). The sender is left out.</summary>
public static class AlertRecipients
{
    public sealed record Person(Reporter Reporter, string Channel, string ChatId);

    public static IReadOnlySet<ReporterRole> Roles(AlertAudience audience) => audience switch
    {
        AlertAudience.Tagana => new HashSet<ReporterRole> { ReporterRole.Tagana },
        AlertAudience.Tksk => new HashSet<ReporterRole> { ReporterRole.Tksk },
        _ => new HashSet<ReporterRole> { ReporterRole.Tagana, ReporterRole.Tksk },
    };

    public static async Task<IReadOnlyList<Person>> FindAsync(ICaseStore store, AlertArea area, AlertAudience audience, int? senderId)
    {
        var roles = Roles(audience);
        var people = new List<Person>();
        foreach (var r in await store.ListReportersAsync(ReporterStatus.Approved))
        {
            if (r.Id == senderId || !roles.Contains(r.Role) || !area.Covers(r)) continue;
            if (await PersonChats.PreferredAsync(store, r) is var (channel, chatId)) people.Add(new Person(r, channel, chatId));
        }
        return people;
    }

    /// <summary>"37 orang (Telegram 30, WhatsApp 7)".</summary>
    public static string Describe(IReadOnlyList<Person> people) => people.Count == 0
        ? "0 orang"
        : $"{people.Count} orang ({string.Join(", ", people.GroupBy(p => p.Channel).OrderByDescending(g => g.Count()).Select(g => $"{ChannelName(g.Key)} {g.Count()}"))})";

    public static string ChannelName(string channel) => channel switch
    {
        "telegram" => "Telegram",
        "whatsapp" => "WhatsApp",
        "terminal" => "terminal",
        _ => channel,
    };
}
