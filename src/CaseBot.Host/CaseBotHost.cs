using CaseBot.Channels.Telegram;
using CaseBot.Channels.Terminal;
using CaseBot.Channels.WhatsApp;
using CaseBot.Domain.Configuration;
using CaseBot.Host.Health;
using CaseBot.Engine;
using CaseBot.Engine.Conversations;
using CaseBot.Reporting;
using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Commands;
using CaseBot.Reporting.Monthly;
using CaseBot.Reporting.Summary;
using CaseBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CaseBot.Host;

/// <summary>The composition root: configuration, storage, engine, reporting and the channel(s) to run.</summary>
public static class CaseBotHost
{
    /// <summary>A generic host, or a web application when a channel receives webhooks.</summary>
    public static IHost Build(string[] args, Action<IHostApplicationBuilder>? customize = null)
    {
        var contentRoot = Directory.GetCurrentDirectory();
        // Refuse to start on a broken config/ with every problem named, rather than fail later or count 0 silently.
        ConfigCheck.ConfigChecker.ThrowIfInvalid(ConfigDirectory(args), () => Configuration(args));
        var configuration = Configuration(args);
        var telegram = TelegramSettings(configuration);
        var whatsApp = WhatsAppSettings(configuration);
        var telegramWebhook = telegram is { Enabled: true, Mode: TelegramMode.Webhook };
        // An HTTP listener when a channel receives webhooks, or when CaseBot:Http:Urls asks for health endpoints.
        var urls = configuration["CaseBot:Http:Urls"];
        if (!telegramWebhook && !whatsApp.Enabled && string.IsNullOrWhiteSpace(urls))
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = contentRoot });
            AddCaseBot(builder, args);
            customize?.Invoke(builder);
            return builder.Build();
        }
        var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        AddCaseBot(web, args);
        web.WebHost.UseUrls(string.IsNullOrWhiteSpace(urls) ? "http://0.0.0.0:8080" : urls);
        web.Services.AddCaseBotHealth(telegram.Enabled);
        customize?.Invoke(web);
        var app = web.Build();
        app.MapCaseBotHealth();
        if (telegramWebhook) app.MapTelegramWebhook();
        if (whatsApp.Enabled) app.MapWhatsAppWebhook();
        return app;
    }

    /// <summary>Everything CaseBot registers, on any host builder (generic host, or a web application for webhooks).</summary>
    public static void AddCaseBot(IHostApplicationBuilder builder, string[] args)
    {
        var configDir = AddConfigurationSources(builder.Configuration, args);
        var options = builder.Configuration.GetSection(CaseBotOptions.Section).Get<CaseBotOptions>() ?? new CaseBotOptions();
        options.ConfigDirectory = configDir;
        var services = builder.Services;
        services.AddSingleton(options);
        var catalogs = ConfigFiles.LoadCatalogs(configDir);
        var regions = ConfigFiles.LoadRegions(configDir);
        var vocabulary = ConfigFiles.LoadVocabulary(configDir);
        var reference = new ReferenceData(catalogs, regions, options, vocabulary);
        services.AddSingleton(catalogs);
        services.AddSingleton(regions);
        services.AddSingleton(vocabulary);
        services.AddSingleton(reference);
        services.AddCaseStorage(builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions(),
            reference.TimeZoneOf(null));
        services.AddConversationEngine();
        services.AddReporting(ConfigFiles.Load<IndicatorCatalog>(configDir, "indicators.json"));
        services.AddSingleton(builder.Configuration.GetSection(SummaryOptions.Section).Get<SummaryOptions>() ?? new SummaryOptions());
        services.AddSingleton(builder.Configuration.GetSection(MonthlyReportOptions.Section).Get<MonthlyReportOptions>() ?? new MonthlyReportOptions());
        services.AddReportingCommands();
        AddChannels(builder);
        services.AddHostedService<PendingQuestionsOnStart>();
        services.AddSingleton<Reminders.DraftReminders>();
        services.AddSingleton<Reminders.SilentTkskNudges>();
        services.AddSingleton<Reminders.StaleEventReminders>();
        services.AddSingleton<Reminders.ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Reminders.ReminderScheduler>());
        services.AddHostedService<OutboxService>();
        services.AddHostedService<AlertReportService>();
    }

    /// <summary>config/casebot.json holds the defaults; user secrets, environment (CaseBot__...) and arguments override it.</summary>
    private static string AddConfigurationSources(IConfigurationBuilder configuration, string[] args)
    {
        var configDir = ConfigDirectory(args);
        configuration.AddJsonFile(Path.Combine(configDir, "casebot.json"), optional: true);
        configuration.AddUserSecrets(typeof(CaseBotHost).Assembly, optional: true);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        return configDir;
    }

    /// <summary>config/, or where CaseBot__ConfigDirectory or --CaseBot:ConfigDirectory points.</summary>
    public static string ConfigDirectory(string[] args) =>
        ConfigFiles.ResolveDirectory(Environment.GetEnvironmentVariable("CaseBot__ConfigDirectory")
            ?? new ConfigurationBuilder().AddCommandLine(args).Build()["CaseBot:ConfigDirectory"] ?? "config");

    /// <summary>The settings as the host sees them (casebot.json, user secrets, environment, arguments).</summary>
    public static IConfiguration Configuration(string[] args)
    {
        var configuration = new ConfigurationBuilder();
        AddConfigurationSources(configuration, args);
        return configuration.Build();
    }

    private static TelegramOptions TelegramSettings(IConfiguration configuration)
    {
        var telegram = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!telegram.Enabled) telegram.Token = Environment.GetEnvironmentVariable("TELEGRAM_BOT_TOKEN");
        return telegram;
    }

    private static WhatsAppOptions WhatsAppSettings(IConfiguration configuration) =>
        configuration.GetSection(WhatsAppOptions.Section).Get<WhatsAppOptions>() ?? new WhatsAppOptions();

    private static void AddChannels(IHostApplicationBuilder builder)
    {
        var telegram = TelegramSettings(builder.Configuration);
        if (telegram.Enabled) builder.Services.AddTelegramChannel(telegram);
        var whatsApp = WhatsAppSettings(builder.Configuration);
        if (whatsApp.Enabled) builder.Services.AddWhatsAppChannel(whatsApp);

        // Without a bot token the embedded default is a chat in this terminal.
        var terminal = builder.Configuration.GetSection(TerminalOptions.Section).Get<TerminalOptions>() ?? new TerminalOptions();
        terminal.Enabled &= !telegram.Enabled && !whatsApp.Enabled;
        builder.Services.AddSingleton(terminal);
        if (!terminal.Enabled) return;
        builder.Services.AddSingleton(sp => new TerminalScreen(sp.GetRequiredService<ReferenceData>(), terminal, Console.Out));
        builder.Services.AddSingleton<CaseBot.Engine.Messages.IChannelSender>(sp => sp.GetRequiredService<TerminalScreen>());
        builder.Services.AddHostedService(sp => new TerminalChannel(
            sp.GetRequiredService<ConversationEngine>(), sp.GetRequiredService<TerminalScreen>(),
            sp.GetRequiredService<CaseBot.Engine.Outbox.OutboxDispatchers>(), terminal, Console.In, Console.Out,
            sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<TerminalChannel>>()));
    }
}
