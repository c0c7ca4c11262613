using System.Globalization;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>The open disaster events a reporter may add to: recent ones in their area, as buttons.</summary>
public static class RecentEvents
{
    public static Task<IReadOnlyList<DisasterEvent>> InAreaAsync(FlowSession session) =>
        session.Store.RecentEventsAsync(session.Reporter!.Kabupaten, session.Reporter.Kecamatan,
            session.Today.AddDays(-session.Reference.Options.OpenEventDays), session.Reference.Options.RecentEventsOffered);

    public static string Title(FlowSession session, DisasterEvent e) =>
        $"{e.Number} {session.Reference.Catalogs.DisasterKind(e.KindCode)?.Name ?? e.KindCode}, {e.Desa}";

    public static Choice AsChoice(FlowSession session, DisasterEvent e) => new(Title(session, e), e.Id.ToString(CultureInfo.InvariantCulture));
}
