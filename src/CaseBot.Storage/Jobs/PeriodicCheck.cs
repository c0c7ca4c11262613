using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseBot.Storage.Jobs;

/// <summary>
/// A check that looks every <see cref="Interval"/> for work due (summaries, reports, reminders), on the host's clock so
/// a test's fake clock drives it. A failed check is logged and the next one runs as usual; what is due stays due.
/// </summary>
public abstract class PeriodicCheck(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>The host's clock, for the check's own sense of now.</summary>
    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>False: the service does nothing (switched off in configuration).</summary>
    protected virtual bool Enabled => true;

    /// <summary>One look; returns how many messages it stored for sending.</summary>
    protected abstract Task<int> CheckOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await CheckOnceAsync(stoppingToken) is var stored and > 0)
                    logger.LogInformation("{Check}: {Count} messages stored for sending", GetType().Name, stored);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Check} failed; will check again.", GetType().Name);
            }
            await Task.Delay(Interval, clock, stoppingToken);
        }
    }
}
