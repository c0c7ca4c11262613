using CaseBot.Host;

// `casebot` runs the bot; other verbs (e.g. `casebot export ...`) are added by their modules.
var host = CaseBotHost.Build(args);
await host.Services.GetRequiredService<CaseBot.Storage.DatabaseMigrator>().MigrateAsync();
await host.RunAsync();
return 0;
