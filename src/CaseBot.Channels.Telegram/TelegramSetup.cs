using CaseBot.Engine.Messages;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;

namespace CaseBot.Channels.Telegram;

public static class TelegramSetup
{
    public const string HttpClientName = "telegram";

    /// <summary>The Telegram channel: polling, or webhook (then map <see cref="TelegramWebhook.MapTelegramWebhook"/>).</summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, TelegramOptions options)
    {
        if (options.Mode == TelegramMode.Webhook && (options.WebhookUrl is null || string.IsNullOrEmpty(options.WebhookSecret)))
            throw new InvalidOperationException("Telegram webhook mode needs CaseBot:Telegram:WebhookUrl and WebhookSecret.");
        services.AddSingleton(options);
        services.AddHttpClient(HttpClientName);
        services.AddSingleton<ITelegramBotClient>(sp => new TelegramBotClient(
            new TelegramBotClientOptions(options.Token!, options.BaseUrl),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<TelegramOutbox>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TelegramOutbox>());
        services.AddSingleton<UpdateHandler>();
        services.AddSingleton<ChatDispatcher>();
        services.AddSingleton<TelegramStartup>();
        if (options.Mode == TelegramMode.Polling) services.AddHostedService<TelegramPolling>();
        else services.AddHostedService<TelegramWebhookStartup>();
        return services;
    }
}
