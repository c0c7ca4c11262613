using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseBot.Channels.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseBot.Channels.WhatsApp;

/// <summary>The Cloud API webhook: GET for Meta's verification handshake, POST for messages signed with the app secret.</summary>
public static class WhatsAppWebhook
{
    public const string SignatureHeader = "X-Hub-Signature-256";
    private const string SignaturePrefix = "sha256=";

    public static IEndpointRouteBuilder MapWhatsAppWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<WhatsAppOptions>();
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WhatsAppWebhook).FullName!);
        app.MapGet(options.WebhookPath, (HttpRequest request) =>
            request.Query["hub.mode"] == "subscribe" && !string.IsNullOrEmpty(options.VerifyToken) && request.Query["hub.verify_token"] == options.VerifyToken
                ? Results.Text(request.Query["hub.challenge"].ToString())
                : Results.StatusCode(StatusCodes.Status403Forbidden));

        app.MapPost(options.WebhookPath, async (HttpRequest request, WhatsAppChannel channel, CancellationToken ct) =>
        {
            // Strangers' bodies are never read: without a well-formed signature there is nothing to check them against.
            if (ParseSignature(request.Headers[SignatureHeader].ToString()) is not { } signature) return Results.Unauthorized();
            if (await WebhookBody.ReadAsync(request, options.MaxBodyKilobytes * 1024, ct) is not { } raw)
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            if (!SignatureMatches(raw, signature, options.AppSecret)) return Results.Unauthorized();
            JsonNode? body;
            try { body = JsonNode.Parse(CleanJson.Decode(raw)); }
            catch (JsonException e)
            {
                logger.LogWarning("WhatsApp webhook: signed body is not JSON ({Reason})", e.Message);
                return Results.BadRequest();
            }
            if (WebhookPayload.Entries(body) is not { } entries)
            {
                logger.LogWarning("WhatsApp webhook: signed body has no entry list");
                return Results.BadRequest();
            }
            var messages = WebhookPayload.Parse(entries, options.DefaultRegion, pageSize: 9,
                (where, reason) => logger.LogWarning("WhatsApp webhook: {Item} skipped ({Reason})", where, reason));
            // Answer 200 only once handled: WhatsApp delivers again otherwise, and the engine ignores repeated ids.
            foreach (var message in messages)
                await channel.HandleAsync(message, ct);
            return Results.Ok();
        });
        return app;
    }

    /// <summary>The HMAC-SHA256 of the raw body with the app secret, compared in constant time.</summary>
    private static bool SignatureMatches(byte[] body, byte[] given, string? secret) =>
        !string.IsNullOrEmpty(secret) && CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body), given);

    /// <summary>The 32 bytes of a "sha256=&lt;64 hex&gt;" header, or null.</summary>
    private static byte[]? ParseSignature(string header)
    {
        if (!header.StartsWith(SignaturePrefix, StringComparison.Ordinal) || header.Length != SignaturePrefix.Length + 64) return null;
        try { return Convert.FromHexString(header.AsSpan(SignaturePrefix.Length)); }
        catch (FormatException) { return null; }
    }
}
