using CaseBot.Domain.Configuration;

namespace CaseBot.Host.Reminders;

/// <summary>
/// Looks every few minutes for reminders due: unfinished flows (remind once, later expire), silent kecamatan (nudge
/// their TKSK) and stale open events (ask their reporter). Each reminder is an outbox row written in the transaction
/// that sets its row's marker, so it goes out once, across restarts and across instances on one database.
/// </summary>
public sealed class ReminderScheduler(DraftReminders drafts, SilentTkskNudges silent, StaleEventReminders stale,
    CaseBotOptions options, TimeProvider clock, ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Reminders;
        if (!o.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await CheckAsync(stoppingToken) is var stored and > 0) logger.LogInformation("{Count} reminders stored for sending", stored);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reminder check failed; will check again.");
            }
            await Task.Delay(TimeSpan.FromMinutes(Math.Max(1, o.CheckMinutes)), clock, stoppingToken);
        }
    }

    /// <summary>One check of all three; returns how many messages it stored for sending.</summary>
    public async Task<int> CheckAsync(CancellationToken ct = default) =>
        await drafts.CheckAsync(ct) + await silent.CheckAsync(ct) + await stale.CheckAsync(ct);
}
