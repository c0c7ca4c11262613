using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Verification;

namespace CaseBot.Engine.Flows;

/// <summary>
/// A case is verified as it stands; an update makes it wait again, while the verified figures keep counting the
/// status and services last verified (<see cref="PpksCase.VerifiedStatus"/>).
/// </summary>
public sealed class PpksVerification : ReportVerification
{
    public override async Task<IReadOnlyList<Checkable>> PendingAsync(FlowSession session, string? kabupaten, string? kecamatan, int take) =>
        (await session.Store.ListAsync<PpksCase>(
            c => c.Verification.State == VerificationState.Pending && c.MergedIntoCaseId == null
                 && (kabupaten == null || c.Kabupaten == kabupaten) && (kecamatan == null || c.Kecamatan == kecamatan),
            c => c.UpdatedAt, take))
        .Select(c => Of(session, c)).ToList();

    public override async Task<Checkable?> FindAsync(FlowSession session, int id, int year) =>
        await session.Store.GetCaseAsync(id) is { } c && c.ReportedOn.Year == year ? Of(session, c) : null;

    /// <summary>A verifier is an officer of the case's area, who may see it in full (NIK masked, as everywhere).</summary>
    public static Checkable Of(FlowSession session, PpksCase c)
    {
        var catalogs = session.Reference.Catalogs;
        return new Checkable
        {
            Number = c.Number, Version = c.Version,
            Summary = $"{catalogs.PpksType(c.TypeCode)?.Name ?? c.TypeCode}: {c.Name}, {Labels.Sex(c.Sex)}, {c.Age} tahun" +
                      (c.Nik is null ? ", tanpa NIK" : $", NIK {Nik.Mask(c.Nik)}") +
                      $"\nDesa {c.Desa} ({c.Kecamatan}); layanan {catalogs.ServiceNames(c.ServiceCode)}; status {Labels.Status(c.Status)}" +
                      // An update: what was verified before, so the officer sees what changed.
                      (c.VerifiedStatus is { } before && (before != c.Status || c.VerifiedServiceCode != c.ServiceCode)
                          ? $"\nTerverifikasi sebelumnya: status {Labels.Status(before)}, layanan {catalogs.ServiceNames(c.VerifiedServiceCode ?? "")}"
                          : ""),
            Verification = c.Verification, Kabupaten = c.Kabupaten, Kecamatan = c.Kecamatan, ReporterId = c.ReporterId,
            ReportedAt = c.UpdatedAt, Size = 1, Correctable = true,
            OnVerified = () => (c.VerifiedStatus, c.VerifiedServiceCode) = (c.Status, c.ServiceCode),
        };
    }
}
