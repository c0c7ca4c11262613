using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Verification;

namespace CaseBot.Engine.Flows;

/// <summary>A hand-out is one record, never changed: verified as it is, or returned and reported again.</summary>
public sealed class AidVerification : ReportVerification
{
    public override async Task<IReadOnlyList<Checkable>> PendingAsync(FlowSession session, string? kabupaten, string? kecamatan, int take) =>
        (await session.Store.ListAsync<AidDistribution>(
            a => a.Verification.State == VerificationState.Pending && (kabupaten == null || a.Kabupaten == kabupaten)
                 && (kecamatan == null || a.Kecamatan == kecamatan), a => a.CreatedAt, take))
        .Select(a => Of(session, a)).ToList();

    public override async Task<Checkable?> FindAsync(FlowSession session, int id, int year) =>
        await session.Store.GetAidAsync(id) is { } a && a.Date.Year == year ? Of(session, a) : null;

    public static Checkable Of(FlowSession session, AidDistribution a) => new()
    {
        Number = a.Number, Version = 0,
        Summary = $"{session.Reference.Catalogs.AidItemName(a.ItemCode)} {IndonesianFormat.Number(a.Quantity)} {a.Unit} untuk " +
                  $"{IndonesianFormat.Number(a.Recipients)} {Labels.Recipients(a.RecipientUnit)}\n{a.Place} ({a.Kecamatan}), " +
                  $"{IndonesianFormat.Date(a.Date)}" + (a.PhotoFileId is null ? "" : " · 📷 ada foto"),
        Verification = a.Verification, Kabupaten = a.Kabupaten, Kecamatan = a.Kecamatan, ReporterId = a.ReporterId,
        ReportedAt = a.CreatedAt, Size = a.Recipients, Correctable = false, ReportAgainCommand = "/logistik",
    };
}
