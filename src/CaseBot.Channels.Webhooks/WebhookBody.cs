using Microsoft.AspNetCore.Http;

namespace CaseBot.Channels.Webhooks;

/// <summary>
/// A webhook body read only up to a limit: Meta's and Telegram's payloads are kilobytes, so anything larger is
/// refused (413) without being held in memory. Call it only once the request proved it is the platform's (its
/// signature header), so strangers' bodies are never read at all.
/// </summary>
public static class WebhookBody
{
    /// <summary>The body, or null when it is larger than <paramref name="limitBytes"/> (announced or as it arrives).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limitBytes, CancellationToken ct)
    {
        if (request.ContentLength > limitBytes) return null;
        var buffer = new byte[Math.Min(limitBytes + 1, (int)(request.ContentLength ?? 16 * 1024) + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limitBytes) return null;
                Array.Resize(ref buffer, Math.Min(limitBytes + 1, buffer.Length * 2));
            }
            var n = await request.Body.ReadAsync(buffer.AsMemory(length), ct);
            if (n == 0) break;
            length += n;
        }
        return length > limitBytes ? null : buffer[..length];
    }
}
