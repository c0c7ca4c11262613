using CaseBot.Domain.Entities;
using CaseBot.Engine.Flows;

namespace CaseBot.Engine.Verification;

/// <summary>
/// How a report kind is verified, declared by the kind (<see cref="ReportKind.Verification"/>): which of its reports wait
/// in an area, and the one version of a report an officer verifies or returns. Nothing else lists the kinds.
/// </summary>
public abstract class ReportVerification
{
    /// <summary>Reports waiting in an area (a null kabupaten: every area), at most <paramref name="take"/>, newest first.</summary>
    public abstract Task<IReadOnlyList<Checkable>> PendingAsync(FlowSession session, string? kabupaten, string? kecamatan, int take);

    /// <summary>The report's current version, or null when there is no such report in that year.</summary>
    public abstract Task<Checkable?> FindAsync(FlowSession session, int id, int year);
}

/// <summary>
/// One version of a report as an officer checks it. <see cref="Version"/> names exactly the figures shown (the buttons
/// carry it), so a report changed meanwhile is shown again instead of being verified unseen.
/// </summary>
public sealed class Checkable
{
    public required string Number { get; init; }
    public required int Version { get; init; }
    /// <summary>A few lines: what the report says. Free text in it may hold a NIK someone typed: any is masked.</summary>
    public required string Summary { get; init => field = Domain.Text.Nik.MaskIn(value); }
    public required Domain.Entities.Verification Verification { get; init; }
    public required string Kabupaten { get; init; }
    public required string Kecamatan { get; init; }
    public required int ReporterId { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }
    /// <summary>How many people it concerns: the queue shows the largest of a day first.</summary>
    public long Size { get; init; }
    /// <summary>Whether the reporter can correct it with /ubah (else a returned report is reported again).</summary>
    public bool Correctable { get; init; }
    /// <summary>What verifying also records (a case keeps the status that was verified).</summary>
    public Action OnVerified { get; init; } = () => { };
    /// <summary>The command that reports it again when it cannot be corrected (/logistik).</summary>
    public string? ReportAgainCommand { get; init; }
}
