using System.Threading.RateLimiting;
using CaseBot.Engine.Messages;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace CaseBot.Channels.Telegram;

/// <summary>
/// Everything the bot sends to Telegram goes through here: within Telegram's limits (about 30 messages a second in all,
/// one a second per chat, 20 a minute per group), retried on 429 (after retry_after) and on network errors.
/// Waiting sends are bounded; past the bound a send fails rather than queueing without end.
/// </summary>
public sealed class TelegramOutbox : IChannelSender, IAsyncDisposable
{
    private const int CaptionLimit = 1024;
    private readonly ITelegramBotClient _bot;
    private readonly ILogger<TelegramOutbox> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly RateLimiter _global;
    private readonly PartitionedRateLimiter<string> _perChat;

    public TelegramOutbox(ITelegramBotClient bot, TelegramOptions options, ILogger<TelegramOutbox> logger)
    {
        _bot = bot;
        _logger = logger;
        _global = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.MessagesPerSecond, TokensPerPeriod = options.MessagesPerSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 1000, AutoReplenishment = true,
        });
        // Group chat ids are negative in Telegram.
        _perChat = PartitionedRateLimiter.Create<string, string>(chat => chat.StartsWith('-')
            ? RateLimitPartition.GetSlidingWindowLimiter(chat, _ => new SlidingWindowRateLimiterOptions
                { PermitLimit = options.GroupMessagesPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 100 })
            : RateLimitPartition.GetTokenBucketLimiter(chat, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = 3, TokensPerPeriod = 1, QueueLimit = 100, AutoReplenishment = true,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1 / options.PrivateChatMessagesPerSecond),
                }));
        // Waits between attempts are real time, whatever clock the business rules run on.
        _retry = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<ApiRequestException>(e => e.ErrorCode is 429 or >= 500)
                // ApiRequestException is a RequestException too: only the network kind is retried, not 400/403.
                .Handle<RequestException>(e => e is not ApiRequestException)
                .Handle<HttpRequestException>(),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(1),
            UseJitter = true,
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                args.Outcome.Exception is ApiRequestException { Parameters.RetryAfter: { } seconds } ? TimeSpan.FromSeconds(seconds) : null),
            OnRetry = args =>
            {
                logger.LogWarning(args.Outcome.Exception, "Telegram send failed; retry {Attempt} in {Delay}", args.AttemptNumber + 1, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    public string Channel => UpdateMapper.ChannelName;

    /// <summary>Delivers one stored message. Refusals that no retry can mend (blocked, no such chat) are permanent.</summary>
    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (!long.TryParse(message.ChatId, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            throw new PermanentDeliveryException($"\"{message.ChatId}\" bukan chat Telegram.");
        try
        {
            await DeliverAsync(message, ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            throw new PermanentDeliveryException("Pengguna memblokir bot atau keluar dari chat (Telegram 403).", e);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && message.ReplacesMessageId is not null)
        {
            // The page could not be edited (too old, unchanged): the next page goes out as a new message instead.
            await DeliverAsync(message with { ReplacesMessageId = null }, ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 404)
        {
            throw new PermanentDeliveryException($"Telegram menolak pesan: {e.Message}", e);
        }
    }

    private async Task DeliverAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (message.ReplacesMessageId is { } replaced && int.TryParse(replaced, out var messageId))
        {
            await ReplaceAsync(message.ChatId, messageId, message, ct);
            return;
        }
        foreach (var dropped in Keyboards.TooLong(message.Choices))
            _logger.LogError("Button {Label} left out: its data is over {Max} bytes", dropped.Label, Keyboards.MaxCallbackBytes);
        var keyboard = Keyboards.For(message.Choices);
        if (message.File is { } file)
        {
            var caption = message.Text.Length <= CaptionLimit ? message.Text : null;
            await SendFileAsync(message.ChatId, file, caption, caption is null ? null : keyboard, ct);
            if (caption is not null) return;
        }
        await WithinLimitsAsync(message.ChatId, t => _bot.SendMessage(Chat(message.ChatId), message.Text, replyMarkup: keyboard, cancellationToken: t), ct);
    }

    /// <summary>Shows what was chosen on the message whose button was pressed and takes its buttons away.</summary>
    public Task MarkAnsweredAsync(string chatId, int messageId, string? originalText, string chosen, CancellationToken ct) =>
        WithinLimitsAsync(chatId, t => originalText is null
            ? _bot.EditMessageReplyMarkup(Chat(chatId), messageId, replyMarkup: null, cancellationToken: t)
            : _bot.EditMessageText(Chat(chatId), messageId, $"{originalText}\n\n✔️ {chosen}", replyMarkup: null, cancellationToken: t), ct);

    /// <summary>Replaces the text and buttons of a message in place (paging through a long list).</summary>
    public Task ReplaceAsync(string chatId, int messageId, OutgoingMessage message, CancellationToken ct) =>
        WithinLimitsAsync(chatId, t => _bot.EditMessageText(Chat(chatId), messageId, message.Text, replyMarkup: Keyboards.For(message.Choices), cancellationToken: t), ct);

    public Task AnswerButtonAsync(string callbackId, CancellationToken ct) =>
        _retry.ExecuteAsync(async t => await _bot.AnswerCallbackQuery(callbackId, cancellationToken: t), ct).AsTask();

    private Task SendFileAsync(string chatId, OutgoingFile file, string? caption, InlineKeyboardMarkup? keyboard, CancellationToken ct) =>
        WithinLimitsAsync(chatId, t =>
        {
            var input = InputFile.FromStream(new MemoryStream(file.Content), file.FileName);
            return file.ContentType.StartsWith("image/", StringComparison.Ordinal)
                ? _bot.SendPhoto(Chat(chatId), input, caption, replyMarkup: keyboard, cancellationToken: t)
                : _bot.SendDocument(Chat(chatId), input, caption, replyMarkup: keyboard, cancellationToken: t);
        }, ct);

    private async Task WithinLimitsAsync(string chatId, Func<CancellationToken, Task> send, CancellationToken ct)
    {
        using var chatLease = await _perChat.AcquireAsync(chatId, 1, ct);
        using var globalLease = await _global.AcquireAsync(1, ct);
        if (!chatLease.IsAcquired || !globalLease.IsAcquired)
            throw new InvalidOperationException($"Too many messages waiting for Telegram chat {chatId}.");
        await _retry.ExecuteAsync(async t => await send(t), ct);
    }

    private static ChatId Chat(string id) => new(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync()
    {
        await _global.DisposeAsync();
        await _perChat.DisposeAsync();
    }
}
