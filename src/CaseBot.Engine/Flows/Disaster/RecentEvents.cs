using System.Globalization;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>The open disaster events a reporter may add to: recent ones in their area, as buttons.</summary>
public static class RecentEvents
{
    /// <summary>Open events the reporter may add to: their kabupaten's (every kabupaten for admins), their own
    /// kecamatan's first, then the most recently updated.</summary>
    public static async Task<IReadOnlyList<DisasterEvent>> InAreaAsync(FlowSession session)
    {
        var reporter = session.Reporter!;
        var events = await session.Store.RecentEventsAsync(reporter.IsAdmin ? null : reporter.Kabupaten, null,
            session.Today.AddDays(-session.Reference.Options.OpenEventDays), session.Reference.Options.RecentEventsOffered);
        return events.Where(e => ReportAccess.CanUpdate(reporter, e))
            .OrderByDescending(e => e.Kecamatan == reporter.Kecamatan).ThenByDescending(e => e.UpdatedAt).ToList();
    }

    /// <summary>"BC-2026-0001 Banjir, Lampia (Wotu)": number, kind, desa and kecamatan, so typing any of them finds it.</summary>
    public static string Title(FlowSession session, DisasterEvent e) => Title(session.Reference, e);

    public static string Title(Conversations.ReferenceData reference, DisasterEvent e) =>
        $"{e.Number} {reference.Catalogs.DisasterKindName(e.KindCode)}, {e.Desa} ({e.Kecamatan})";

    public static Choice AsChoice(FlowSession session, DisasterEvent e) => new(Title(session, e), e.Id.ToString(CultureInfo.InvariantCulture));
}
