using CaseBot.Host;
using CaseBot.Host.Cli;

// `casebot` runs the bot; the verbs below do one job and exit.
switch (args.FirstOrDefault())
{
    case "export":
        return await ExportCli.RunAsync(args[1..], Console.Out, Console.Error);
    case "flow-graphs":
        return await FlowGraphsCli.RunAsync(args[1..], Console.Out);
    case "migrate-to-postgres":
        return await MigrateToPostgresCli.RunAsync(args[1..], Console.Out, Console.Error);
    case "status":
        return await StatusCli.RunAsync(args[1..], Console.Out);
    case "export-targets" or "import-targets":
        return await TargetsCli.RunAsync(args[0], args[1..], Console.Out, Console.Error);
    case "rollups":
        return await RollupsCli.RunAsync(args[1..], Console.Out, Console.Error);
    case "check-config":
        return CheckConfigCli.Run(args[1..], Console.Out);
}

IHost host;
try
{
    host = CaseBotHost.Build(args);
}
catch (CaseBot.Host.ConfigCheck.InvalidConfigException e)
{
    // The operator's mistake, not the program's: the problems, without a stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
await host.Services.GetRequiredService<CaseBot.Storage.DatabaseMigrator>().MigrateAsync();
await host.RunAsync();
return 0;
