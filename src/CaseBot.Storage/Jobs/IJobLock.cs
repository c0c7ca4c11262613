namespace CaseBot.Storage.Jobs;

/// <summary>
/// Makes a scheduled job run on one instance only, where several share a database: every instance wakes at the
/// scheduled time and asks; the first to claim the occurrence runs it, the others skip it.
/// </summary>
public interface IJobLock
{
    /// <summary>True when this instance claimed <paramref name="occurrence"/> of <paramref name="job"/> and should run it.</summary>
    Task<bool> TryClaimAsync(string job, DateTimeOffset occurrence, CancellationToken ct = default);
}
