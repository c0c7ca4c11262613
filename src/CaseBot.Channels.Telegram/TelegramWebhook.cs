using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseBot.Channels.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CaseBot.Channels.Telegram;

/// <summary>Webhook mode: Telegram POSTs each update; the secret-token header proves the call is Telegram's.</summary>
public static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<TelegramOptions>();
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TelegramWebhook).FullName!);
        app.MapPost(options.WebhookPath, async (HttpContext http, ChatDispatcher dispatcher, CancellationToken ct) =>
        {
            // Checked before the body is read: strangers' bodies are never read.
            if (!SecretMatches(http.Request.Headers[SecretHeader].ToString(), options.WebhookSecret)) return Results.Unauthorized();
            if (await WebhookBody.ReadAsync(http.Request, options.MaxBodyKilobytes * 1024, ct) is not { } raw)
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            Update? update;
            try { update = JsonSerializer.Deserialize<Update>(CleanJson.Decode(raw), JsonBotAPI.Options); }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
            {
                logger.LogWarning("Telegram webhook: update does not parse ({Reason})", e.Message);
                return Results.BadRequest();
            }
            if (update is null) return Results.BadRequest();
            await dispatcher.DispatchAsync(update, ct); // answer 200 only once handled: otherwise Telegram sends it again
            return Results.Ok();
        });
        return app;
    }

    private static bool SecretMatches(string given, string? expected) =>
        !string.IsNullOrEmpty(expected) &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}

/// <summary>In webhook mode the start-up work (username, menu, setWebhook) runs once the host starts.</summary>
public sealed class TelegramWebhookStartup(TelegramStartup startup) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => startup.RunAsync(stoppingToken);
}
