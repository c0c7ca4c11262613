using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>Aid hand-outs (LG-…): a record of what was given; not changed after saving.</summary>
public sealed class AidReports : ReportKind
{
    public override string Prefix => AidDistribution.Prefix;
    public override string Title => "laporan logistik";
    public override Verification.ReportVerification Verification { get; } = new AidVerification();
    public override string ExportKey => "logistik";

    public override async Task<Reply?> ShowAsync(FlowSession session, int id, int year)
    {
        var a = await session.Store.GetAidAsync(id);
        if (a?.Event is null || a.Date.Year != year || !ReportAccess.CanSee(session.Reporter!, a.ReporterId, a.Event.Kabupaten, a.Event.Kecamatan))
            return null;
        return $"{a.Number} {session.Reference.Catalogs.AidItemName(a.ItemCode)} untuk {a.Event.Number}\n" +
               $"{IndonesianFormat.Number(a.Quantity)} {a.Unit} kepada {IndonesianFormat.Number(a.Recipients)} {Labels.Recipients(a.RecipientUnit)}\n" +
               $"Di {a.Place}, {IndonesianFormat.Date(a.Date)}" + (a.PhotoFileId is null ? "" : "\n📷 Ada foto bukti");
    }

    public override async Task<IReadOnlyList<ReportLine>> RecentByAsync(FlowSession session, int reporterId, int take) =>
        (await session.Store.ListAsync<AidDistribution>(a => a.ReporterId == reporterId, a => a.CreatedAt, take))
        .Select(a => new ReportLine(a.Number,
            $"{session.Reference.Catalogs.AidItemName(a.ItemCode)}, {IndonesianFormat.Number(a.Quantity)} {a.Unit}", a.CreatedAt))
        .ToList();
}
