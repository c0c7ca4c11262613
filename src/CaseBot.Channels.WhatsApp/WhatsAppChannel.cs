using System.Collections.Concurrent;
using CaseBot.Domain.Abstractions;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
using Microsoft.Extensions.Logging;

namespace CaseBot.Channels.WhatsApp;

/// <summary>
/// WhatsApp ↔ engine. Replies to a user who just wrote go out as they are; anything else (notices, the daily summary)
/// only within 24 hours of that user's last message, else as the configured template, else not at all (logged).
/// </summary>
public sealed class WhatsAppChannel(ConversationEngine engine, GraphApiClient api, ICaseStoreFactory stores, WhatsAppOptions options,
    TimeProvider clock, ILogger<WhatsAppChannel> logger) : IChannelSender
{
    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// The numbered choices last sent as text, per user, so a typed "3" presses the third. Kept in memory: after a
    /// restart the engine still understands the typed label, and asks again otherwise.
    /// </summary>
    private readonly ConcurrentDictionary<string, IReadOnlyList<Choice>> _numbered = new();

    public string Channel => WebhookPayload.ChannelName;

    public async Task HandleAsync(IncomingMessage message, CancellationToken ct)
    {
        if (message.Text is { } text && int.TryParse(text.Trim(), out var n) && _numbered.TryGetValue(message.ChatId, out var numbered)
            && n >= 1 && n <= numbered.Count)
            message = message with { Text = null, ButtonData = numbered[n - 1].Data };
        foreach (var reply in await engine.HandleAsync(message, ct))
        {
            if (reply.Channel != Channel) continue; // a notice for another channel's user: not ours to send
            if (reply.ChatId == message.ChatId) await DeliverAsync(reply, ct);
            else await SendAsync(reply, ct);
        }
    }

    /// <summary>A message nobody asked for just now: respects the 24-hour customer-service window.</summary>
    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        DateTimeOffset? last;
        await using (var store = stores.Create()) last = await store.LastInboundAsync(Channel, message.ChatId);
        if (last is { } at && clock.GetUtcNow() - at < ServiceWindow)
        {
            await DeliverAsync(message, ct);
            return;
        }
        if (options.NoticeTemplate is { } template)
        {
            await api.SendAsync(OutgoingShapes.Template(message.ChatId, template, options.TemplateLanguage, message.Text), ct);
            return;
        }
        logger.LogWarning("Not sent to WhatsApp {Chat}: outside the 24-hour window and no template configured", message.ChatId);
    }

    private async Task DeliverAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (message.File is { } file)
        {
            var media = await api.UploadAsync(file.Content, file.FileName, file.ContentType, ct);
            var caption = message.Text.Length <= OutgoingShapes.MaxBody ? message.Text : null;
            await api.SendAsync(file.ContentType.StartsWith("image/", StringComparison.Ordinal)
                ? OutgoingShapes.Image(message.ChatId, media, caption)
                : OutgoingShapes.Document(message.ChatId, media, file.FileName, caption), ct);
            if (caption is not null && message.Choices.Count == 0) return;
        }
        if (message.Choices.Count == 0)
        {
            await api.SendAsync(OutgoingShapes.Text(message.ChatId, message.Text), ct);
            return;
        }
        var (body, numbered) = OutgoingShapes.WithChoices(message.ChatId, message.Text, message.Choices);
        if (numbered && !message.AcceptsText) _numbered[message.ChatId] = message.Choices;
        else _numbered.TryRemove(message.ChatId, out _);
        await api.SendAsync(body, ct);
    }
}
