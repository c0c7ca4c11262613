using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>PPKS cases (PK-…): personal data, shown only to those allowed; NIK in full to admins only.</summary>
public sealed class PpksReports : ReportKind
{
    public override string Prefix => PpksCase.Prefix;
    public override string Title => "kasus PPKS";
    public override string? UpdateFlow => CaseUpdateFlow.FlowName;
    public override Verification.ReportVerification Verification { get; } = new PpksVerification();
    public override string ExportKey => "ppks";

    public override async Task<Reply?> ShowAsync(FlowSession session, int id, int year)
    {
        var viewer = session.Reporter!;
        var p = await session.Store.GetCaseAsync(id);
        if (p is null || p.ReportedOn.Year != year || !ReportAccess.CanSee(viewer, p.ReporterId, p.Kabupaten, p.Kecamatan)) return null;
        var c = session.Reference.Catalogs;
        var nik = p.Nik is null ? "-" : ReportAccess.SeesFullNik(viewer) ? p.Nik : Nik.Mask(p.Nik);
        var merged = "";
        if (p.MergedIntoCaseId is { } intoId)
        {
            // A case in another area is never named to a reporter (see /duplikat).
            var into = await session.Store.GetCaseAsync(intoId);
            merged = into is not null && ReportAccess.CanSee(viewer, into.ReporterId, into.Kabupaten, into.Kecamatan)
                ? $"\nDigabung ke {into.Number} (orang yang sama); tidak dihitung tersendiri."
                : "\nDigabung ke laporan lain tentang orang yang sama; tidak dihitung tersendiri.";
        }
        return new Reply(
            $"{p.Number} {c.PpksType(p.TypeCode)?.Name ?? p.TypeCode}\n" +
            $"{p.Name}, NIK {nik}, {Labels.Sex(p.Sex)}, {p.Age} tahun\n" +
            $"Desa {p.Desa}, Kec. {p.Kecamatan}\n" +
            $"Layanan: {c.ServiceNames(p.ServiceCode)}; status {Labels.Status(p.Status)}\n" +
            $"{p.Description}" + merged,
            [new Choice("✏️ Ubah status", $"/ubah {p.Number}")]);
    }

    public override async Task<IReadOnlyList<ReportLine>> RecentByAsync(FlowSession session, int reporterId, int take) =>
        (await session.Store.ListAsync<PpksCase>(c => c.ReporterId == reporterId, c => c.CreatedAt, take))
        .Select(c => new ReportLine(c.Number,
            $"{session.Reference.Catalogs.PpksType(c.TypeCode)?.Name ?? c.TypeCode}, {Labels.Status(c.Status)}", c.CreatedAt))
        .ToList();
}
