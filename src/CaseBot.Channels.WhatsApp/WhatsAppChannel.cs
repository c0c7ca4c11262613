using System.Collections.Concurrent;
using CaseBot.Domain.Abstractions;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Channels.WhatsApp;

/// <summary>
/// WhatsApp ↔ engine. Inbound messages go through the engine; what it stored to send goes out through the outbox's
/// WhatsApp dispatcher, which calls <see cref="SendAsync"/>: free-form only within 24 hours of the user's last message
/// (a reply to a user who just wrote always is), else as the configured template, else not at all (recorded as failed).
/// </summary>
public sealed class WhatsAppChannel(ConversationEngine engine, GraphApiClient api, ICaseStoreFactory stores, WhatsAppOptions options,
    TimeProvider clock, IServiceProvider services) : IChannelSender
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
        await engine.HandleAsync(message, ct);
        // Sent before the webhook is answered, so Meta's view and the user's agree; retries are the dispatcher's.
        // (Resolved late: the dispatchers include this channel.)
        await services.GetRequiredService<OutboxDispatchers>().SendDueAsync(Channel, ct);
    }

    /// <summary>One stored message, within the 24-hour customer-service window (the window rule lives here, in the
    /// WhatsApp dispatcher's sender, for every message alike).</summary>
    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        DateTimeOffset? last;
        await using (var store = stores.Create()) last = await store.LastInboundAsync(Channel, message.ChatId);
        try
        {
            if (last is { } at && clock.GetUtcNow() - at < ServiceWindow)
            {
                await DeliverAsync(message, ct);
                return;
            }
            if (message is { Tag: not null, Choices.Count: > 0 } && options.AlertTemplate is { } alertTemplate)
            {
                // A broadcast with answer buttons: the template's quick replies carry the buttons' data back.
                await api.SendAsync(OutgoingShapes.Template(message.ChatId, alertTemplate, options.TemplateLanguage, message.Text,
                    message.Choices.Take(OutgoingShapes.MaxQuickReplies).Select(c => c.Data).ToList()), ct);
                return;
            }
            if (options.NoticeTemplate is { } template)
            {
                await api.SendAsync(OutgoingShapes.Template(message.ChatId, template, options.TemplateLanguage, message.Text), ct);
                return;
            }
        }
        catch (HttpRequestException e) when (e.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.NotFound)
        {
            throw new PermanentDeliveryException($"WhatsApp menolak pesan ke {message.ChatId}: {e.Message}", e);
        }
        throw new PermanentDeliveryException("Di luar jendela 24 jam WhatsApp dan tidak ada template pemberitahuan yang diatur.");
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
