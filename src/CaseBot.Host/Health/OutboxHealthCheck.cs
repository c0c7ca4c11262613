using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseBot.Host.Health;

/// <summary>Ready while no outgoing message has waited longer than CaseBot:Outbox:StuckMinutes.</summary>
public sealed class OutboxHealthCheck(IDbContextFactory<CaseBotDbContext> contexts, CaseBotOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var limit = DateTimeOffset.UtcNow.AddMinutes(-options.Outbox.StuckMinutes);
        var waiting = await db.Outbox.CountAsync(m => m.State == OutboxState.Pending && m.CreatedAt < limit, ct);
        return waiting == 0
            ? HealthCheckResult.Healthy("no message waiting too long")
            : HealthCheckResult.Unhealthy($"{waiting} message(s) waiting over {options.Outbox.StuckMinutes} minutes");
    }
}
