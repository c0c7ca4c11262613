using CaseBot.Host;
using CaseBot.Host.Cli;

// `casebot` runs the bot; `casebot export ...` writes a spreadsheet and exits.
if (args.Length > 0 && args[0] == "export")
    return await ExportCli.RunAsync(args[1..], Console.Out, Console.Error);

var host = CaseBotHost.Build(args);
await host.Services.GetRequiredService<CaseBot.Storage.DatabaseMigrator>().MigrateAsync();
await host.RunAsync();
return 0;
