using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        app.MapPost(options.WebhookPath, async (HttpContext http, ChatDispatcher dispatcher, CancellationToken ct) =>
        {
            if (!SecretMatches(http.Request.Headers[SecretHeader].ToString(), options.WebhookSecret)) return Results.Unauthorized();
            var update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, ct);
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
