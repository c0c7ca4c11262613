using CaseBot.Channels.Terminal;
using CaseBot.Domain.Configuration;
using CaseBot.Engine;
using CaseBot.Engine.Conversations;
using CaseBot.Storage;

namespace CaseBot.Host;

/// <summary>The composition root: configuration, storage, engine and the channel(s) to run.</summary>
public static class CaseBotHost
{
    public static IHost Build(string[] args, Action<IHostApplicationBuilder>? customize = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        AddCaseBot(builder, args);
        customize?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Everything CaseBot registers, on any host builder (generic host, or a web application for webhooks).</summary>
    public static void AddCaseBot(IHostApplicationBuilder builder, string[] args)
    {
        var configDir = ConfigFiles.ResolveDirectory(builder.Configuration["CaseBot:ConfigDirectory"] ?? "config");
        // config/casebot.json holds the defaults; user secrets, environment (CaseBot__...) and arguments override it.
        builder.Configuration.AddJsonFile(Path.Combine(configDir, "casebot.json"), optional: true);
        builder.Configuration.AddUserSecrets(typeof(CaseBotHost).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);

        var options = builder.Configuration.GetSection(CaseBotOptions.Section).Get<CaseBotOptions>() ?? new CaseBotOptions();
        options.ConfigDirectory = configDir;
        var services = builder.Services;
        services.AddSingleton(options);
        var reference = new ReferenceData(ConfigFiles.LoadCatalogs(configDir), ConfigFiles.LoadRegions(configDir), options);
        services.AddSingleton(reference);
        services.AddCaseStorage(builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions(),
            reference.TimeZoneOf(null));
        services.AddConversationEngine();
        AddChannels(builder);
    }

    private static void AddChannels(IHostApplicationBuilder builder)
    {
        // Without a bot token the embedded default is a chat in this terminal.
        var terminal = builder.Configuration.GetSection(TerminalOptions.Section).Get<TerminalOptions>() ?? new TerminalOptions();
        builder.Services.AddSingleton(terminal);
        if (!terminal.Enabled) return;
        builder.Services.AddHostedService(sp => new TerminalChannel(
            sp.GetRequiredService<ConversationEngine>(), terminal, Console.In, Console.Out,
            sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<TerminalChannel>>()));
    }
}
