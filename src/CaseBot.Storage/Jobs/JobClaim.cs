namespace CaseBot.Storage.Jobs;

/// <summary>One occurrence of a scheduled job, claimed by the instance that runs it (the primary key makes it one).</summary>
public sealed class JobClaim
{
    /// <summary>"backup", "daily-summary", ...</summary>
    public required string Job { get; set; }
    /// <summary>The scheduled time of this occurrence (UTC), the same on every instance.</summary>
    public DateTimeOffset Occurrence { get; set; }
    public required string Instance { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
}
