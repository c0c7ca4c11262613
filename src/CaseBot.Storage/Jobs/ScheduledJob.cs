using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseBot.Storage.Jobs;

/// <summary>
/// A job on a cron schedule in a time zone (the region's: "0 2 * * *" is 02:00 WITA), run by one instance only
/// (<see cref="IJobLock"/>). A failed run is logged and the next occurrence runs as usual.
/// </summary>
public abstract class ScheduledJob(string name, string cron, TimeZoneInfo zone, IJobLock jobLock, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);
    private readonly CronExpression _schedule = CronExpression.Parse(cron);

    public string Name => name;

    /// <summary>The time zone the schedule is read in.</summary>
    protected TimeZoneInfo Zone => zone;

    /// <summary>The occurrence the job is waiting for (for health checks and tests).</summary>
    public DateTimeOffset? NextDue { get; private set; }

    /// <summary>The next time the job is due after <paramref name="after"/> (UTC).</summary>
    public DateTimeOffset? NextOccurrence(DateTimeOffset after) => _schedule.GetNextOccurrence(after, zone);

    protected abstract Task RunAsync(DateTimeOffset occurrence, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            if (NextOccurrence(now) is not { } due) return;
            NextDue = due;
            logger.LogDebug("Job {Job} next runs at {Due:u}", name, due);
            // Wait in steps of at most a minute, looking at the clock each time: a clock that jumps (a suspended VM,
            // a corrected system time, a test's fake clock) is noticed within a minute instead of a day late.
            for (var left = due - now; left > TimeSpan.Zero; left = due - clock.GetUtcNow())
                await Task.Delay(left < MaxWait ? left : MaxWait, clock, stoppingToken);
            try
            {
                if (await jobLock.TryClaimAsync(name, due, stoppingToken)) await RunAsync(due, stoppingToken);
                else logger.LogInformation("Job {Job} at {Due:u} is run by another instance", name, due);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Job {Job} at {Due:u} failed", name, due);
            }
        }
    }
}
