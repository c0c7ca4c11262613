using System.Text.Json;
using CaseBot.Channels.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace CaseBot.Host.Health;

/// <summary>
/// /healthz: the process answers. /readyz: the database is reachable with migrations applied, each channel is
/// connected and no outgoing message waits too long; JSON naming every check, 503 when one fails (what compose healthchecks and `casebot status` read).
/// </summary>
public static class HealthEndpoints
{
    public const string Ready = "ready";

    public static void AddCaseBotHealth(this IServiceCollection services, bool telegram)
    {
        var checks = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [Ready]);
        if (telegram) checks.AddCheck<TelegramHealthCheck>("telegram", tags: [Ready]);
        // Metrics for Prometheus at /metrics: the bot's own (BotMetrics), and the runtime's and ASP.NET Core's meters.
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(CaseBot.Engine.Diagnostics.BotMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "System.Runtime")
            .AddPrometheusExporter());
    }

    public static void MapCaseBotHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => "ok"); // liveness only: the process answers
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
    }

    public static string Json(HealthReport report) => JsonSerializer.Serialize(new
    {
        status = report.Status.ToString(),
        checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
    }, new JsonSerializerOptions { WriteIndented = true });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(Json(report));
    }
}
