using CaseBot.Domain.Configuration;

namespace CaseBot.Host.Reminders;

/// <summary>
/// Looks every few minutes for reminders due: unfinished flows (remind once, later expire), silent kecamatan (nudge
/// their TKSK) and stale open events (ask their reporter). Each reminder is an outbox row written in the transaction
/// that sets its row's marker, so it goes out once, across restarts and across instances on one database.
/// </summary>
public sealed class ReminderScheduler(DraftReminders drafts, SilentTkskNudges silent, StaleEventReminders stale,
    CaseBotOptions options, TimeProvider clock, ILogger<ReminderScheduler> logger) : Storage.Jobs.PeriodicCheck(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Reminders.CheckMinutes));
    protected override bool Enabled => options.Reminders.Enabled;

    protected override Task<int> CheckOnceAsync(CancellationToken ct) => CheckAsync(ct);

    /// <summary>One check of all three; returns how many messages it stored for sending.</summary>
    public async Task<int> CheckAsync(CancellationToken ct = default) =>
        await drafts.CheckAsync(ct) + await silent.CheckAsync(ct) + await stale.CheckAsync(ct);
}
