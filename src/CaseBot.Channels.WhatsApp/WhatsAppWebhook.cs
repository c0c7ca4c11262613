using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Channels.WhatsApp;

/// <summary>The Cloud API webhook: GET for Meta's verification handshake, POST for messages signed with the app secret.</summary>
public static class WhatsAppWebhook
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    public static IEndpointRouteBuilder MapWhatsAppWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<WhatsAppOptions>();
        app.MapGet(options.WebhookPath, (HttpRequest request) =>
            request.Query["hub.mode"] == "subscribe" && !string.IsNullOrEmpty(options.VerifyToken) && request.Query["hub.verify_token"] == options.VerifyToken
                ? Results.Text(request.Query["hub.challenge"].ToString())
                : Results.StatusCode(StatusCodes.Status403Forbidden));

        app.MapPost(options.WebhookPath, async (HttpRequest request, WhatsAppChannel channel, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            var raw = buffer.ToArray();
            if (!SignatureMatches(raw, request.Headers[SignatureHeader].ToString(), options.AppSecret)) return Results.Unauthorized();
            JsonNode? body;
            try { body = JsonNode.Parse(raw); }
            catch (System.Text.Json.JsonException) { return Results.BadRequest(); }
            // Answer 200 only once handled: WhatsApp delivers again otherwise, and the engine ignores repeated ids.
            foreach (var message in WebhookPayload.Parse(body, options.DefaultRegion, pageSize: 9))
                await channel.HandleAsync(message, ct);
            return Results.Ok();
        });
        return app;
    }

    /// <summary>"sha256=" + hex HMAC-SHA256 of the raw body with the app secret, compared in constant time.</summary>
    public static bool SignatureMatches(byte[] body, string header, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || !header.StartsWith("sha256=", StringComparison.Ordinal)) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        byte[] given;
        try { given = Convert.FromHexString(header["sha256=".Length..]); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
