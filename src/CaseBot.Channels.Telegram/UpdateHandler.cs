using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace CaseBot.Channels.Telegram;

/// <summary>One update through the engine; what it stored to send goes out through the outbox's Telegram dispatcher.</summary>
public sealed class UpdateHandler(ConversationEngine engine, TelegramOutbox outbox, OutboxDispatchers dispatchers, BotIdentity identity,
    TelegramOptions options, ILogger<UpdateHandler> logger)
{
    public async Task HandleAsync(Update update, CancellationToken ct)
    {
        var message = UpdateMapper.Map(update, identity.Username, options.ButtonsPerPage);
        var callback = update.CallbackQuery;
        if (callback is not null) await TryAsync(() => outbox.AnswerButtonAsync(callback.Id, ct), "answer the button");
        if (message is null) return;

        var replies = await engine.HandleAsync(message, ct);
        // Paging replaces the pressed message itself (an outbox row); any other answer marks what was chosen on it.
        if (callback?.Message is { } pressed && replies.Count > 0 && replies.All(r => r.ReplacesMessageId is null))
        {
            var chosen = pressed.ReplyMarkup?.InlineKeyboard.SelectMany(r => r).FirstOrDefault(b => b.CallbackData == callback.Data)?.Text;
            if (chosen is not null)
                await TryAsync(() => outbox.MarkAnsweredAsync(message.ChatId, pressed.MessageId, pressed.Text, chosen, ct), "mark the answer");
        }
        // The replies were stored with the change; send them now rather than at the next poll of the outbox.
        await dispatchers.SendDueAsync(UpdateMapper.ChannelName, ct);
    }

    /// <summary>Cosmetic calls (toast, edited keyboard) must not stop the conversation when they fail.</summary>
    private async Task TryAsync(Func<Task> call, string what)
    {
        try { await call(); }
        catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning(ex, "Could not {What}", what); }
    }
}

/// <summary>The bot's own username, read once with getMe (groups address commands to it as /cmd@username).</summary>
public sealed class BotIdentity
{
    public string Username { get; set; } = "";
}
