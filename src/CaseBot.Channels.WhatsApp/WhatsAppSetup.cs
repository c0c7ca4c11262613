using CaseBot.Engine.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Channels.WhatsApp;

public static class WhatsAppSetup
{
    /// <summary>The WhatsApp channel; its webhook is mapped with <see cref="WhatsAppWebhook.MapWhatsAppWebhook"/>.</summary>
    public static IServiceCollection AddWhatsAppChannel(this IServiceCollection services, WhatsAppOptions options)
    {
        if (string.IsNullOrEmpty(options.AppSecret) || string.IsNullOrEmpty(options.VerifyToken))
            throw new InvalidOperationException("WhatsApp needs CaseBot:WhatsApp:AppSecret and VerifyToken to check its webhook.");
        services.AddSingleton(options);
        services.AddHttpClient(GraphApiClient.HttpClientName);
        services.AddSingleton(sp => new GraphApiClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(GraphApiClient.HttpClientName),
            options, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<GraphApiClient>>()));
        services.AddSingleton<WhatsAppChannel>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<WhatsAppChannel>());
        return services;
    }
}
