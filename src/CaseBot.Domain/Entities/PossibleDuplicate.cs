namespace CaseBot.Domain.Entities;

public enum DuplicateStatus { Open, Merged, Separate }

/// <summary>
/// Two PPKS cases that may be the same person, for officers to resolve. Made when a reporter files a case whose NIK
/// (or name in the same desa) matches a case they may not see: the match is never named to them, only linked here.
/// </summary>
public sealed class PossibleDuplicate
{
    public int Id { get; set; }
    /// <summary>The newer case (the one just filed).</summary>
    public int CaseId { get; set; }
    public PpksCase? Case { get; set; }
    /// <summary>The existing case it matched.</summary>
    public int OtherCaseId { get; set; }
    public PpksCase? OtherCase { get; set; }
    /// <summary>"nik" (same NIK) or "nama" (same name in the same desa).</summary>
    public required string Reason { get; set; }
    public DuplicateStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public int? ResolvedByReporterId { get; set; }

    public const string ReasonNik = "nik";
    public const string ReasonName = "nama";
}
