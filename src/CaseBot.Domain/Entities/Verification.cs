namespace CaseBot.Domain.Entities;

public enum VerificationState { Pending, Verified, Returned }

/// <summary>
/// An officer's check of one report (or one update of it). Figures the department signs are the verified ones;
/// until then a report counts only as provisional. A returned report waits for its reporter to correct it.
/// </summary>
public sealed class Verification
{
    public VerificationState State { get; set; }
    public int? ByReporterId { get; set; }
    public DateTimeOffset? At { get; set; }
    /// <summary>Why it was returned, as the officer wrote it.</summary>
    public string? Reason { get; set; }

    public bool IsVerified => State == VerificationState.Verified;
}
