using CaseBot.Engine.Conversations;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CaseBot.Channels.Telegram;

/// <summary>At start-up: learn the bot's username, register the Indonesian command menu, set or clear the webhook.</summary>
public sealed class TelegramStartup(ITelegramBotClient bot, BotIdentity identity, ConversationEngine engine, TelegramOptions options,
    ILogger<TelegramStartup> logger)
{
    /// <summary>Keeps trying while Telegram cannot be reached (a patchy connection must not stop the bot).</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunOnceAsync(ct);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt)));
                logger.LogError(ex, "Telegram start-up failed; trying again in {Wait}", wait);
                await Task.Delay(wait, ct);
            }
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        var me = await bot.GetMe(ct);
        identity.Username = me.Username ?? "";
        try
        {
            await bot.SetMyCommands(engine.Menu.Select(m => new BotCommand { Command = m.Name, Description = m.Description }), cancellationToken: ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "setMyCommands failed; the command menu stays as it was");
        }
        if (options.Mode == TelegramMode.Webhook)
            await bot.SetWebhook(options.WebhookUrl!, secretToken: options.WebhookSecret, cancellationToken: ct);
        logger.LogInformation("Telegram bot @{Username} ready ({Mode})", identity.Username, options.Mode);
    }
}
