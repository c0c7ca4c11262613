using CaseBot.Channels.Telegram;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseBot.Host.Health;

/// <summary>Ready once the bot reached Telegram at start-up (getMe answered); until then it cannot hear anyone.</summary>
public sealed class TelegramHealthCheck(BotIdentity identity) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(identity.Username.Length > 0
            ? HealthCheckResult.Healthy($"connected as @{identity.Username}")
            : HealthCheckResult.Unhealthy("Telegram not reached yet (start-up retries with backoff)"));
}
