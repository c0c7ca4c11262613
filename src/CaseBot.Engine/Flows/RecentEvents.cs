using System.Globalization;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>The open disaster events a reporter may add to: recent ones in their area, as buttons.</summary>
public static class RecentEvents
{
    public static Task<IReadOnlyList<DisasterEvent>> InAreaAsync(FlowContext ctx) =>
        ctx.Store.RecentEventsAsync(ctx.Reporter!.Kabupaten, ctx.Reporter.Kecamatan,
            ctx.Today.AddDays(-ctx.Reference.Options.OpenEventDays), ctx.Reference.Options.RecentEventsOffered);

    public static string Title(FlowContext ctx, DisasterEvent e) =>
        $"{e.Number} {ctx.Reference.Catalogs.DisasterKind(e.KindCode)?.Name ?? e.KindCode}, {e.Desa}";

    public static Choice AsChoice(FlowContext ctx, DisasterEvent e) => new(Title(ctx, e), e.Id.ToString(CultureInfo.InvariantCulture));
}
