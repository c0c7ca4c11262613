using CaseBot.Storage;

namespace CaseBot.Host.Cli;

/// <summary>
/// `casebot migrate-to-postgres --to "Host=…;Database=casebot;…" [--from "Data Source=data/casebot.db"]`: copies the
/// SQLite database (the configured one by default) into an empty PostgreSQL database, ids kept, and prints each table's
/// count on both sides. Stop the bot first; then switch CaseBot:Storage:Provider to Postgres.
/// </summary>
public static class MigrateToPostgresCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (Arg("--to") is not { } to)
        {
            await error.WriteLineAsync("Usage: casebot migrate-to-postgres --to \"Host=...;Database=casebot;Username=...;Password=...\" [--from \"Data Source=...\"]");
            return 2;
        }
        var configured = new ConfigurationBuilder().AddJsonFile(Path.Combine(CaseBot.Domain.Configuration.ConfigFiles.ResolveDirectory(
                Environment.GetEnvironmentVariable("CaseBot__ConfigDirectory") ?? "config"), "casebot.json"), optional: true)
            .AddEnvironmentVariables().Build().GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var from = new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = Arg("--from") ?? configured.ConnectionString };
        var target = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = to };
        try
        {
            var counts = await DatabaseCopy.CopyAsync(from, target, output);
            var wrong = counts.Where(c => c.Source != c.Target).ToList();
            foreach (var c in wrong) await error.WriteLineAsync($"{c.Table}: {c.Source} in SQLite, {c.Target} in PostgreSQL");
            await output.WriteLineAsync(wrong.Count == 0
                ? $"Copied {counts.Sum(c => c.Source)} rows in {counts.Count} tables; every count matches."
                : "Counts differ: see above.");
            return wrong.Count == 0 ? 0 : 1;
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
