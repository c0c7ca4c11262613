using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CaseBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseBot.Tests.Performance;

/// <summary>
/// What one message costs must not grow with the number of users, reports or messages already stored: every query the
/// engine runs for a message finds its rows through an index. SQLite's own plan (EXPLAIN QUERY PLAN) is the judge;
/// the statements are the ones EF Core logged while real messages went through the engine.
/// </summary>
public sealed partial class MessagePathQueryPlanTests
{
    [Fact]
    public async Task Every_query_a_message_runs_searches_an_index_instead_of_scanning_a_table()
    {
        var statements = new StatementLog();
        await using var bot = await BotHarness.StartAsync(TestDatabase.Create(StorageKind.Sqlite), s => s.AddSingleton<ILoggerProvider>(statements),
            null, "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information");
        await Scenario.RegisterAdminAsync(bot);
        await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
        await Scenario.RegisterApprovedAsync(bot, "30", "Pak Kasi Malili", role: "Petugas Dinas");
        await Scenario.ReportFloodAsync(bot, "10"); // a whole report: the flow's lookups, the save, the verifiers' notice

        statements.Clear();
        await Scenario.ReportFloodAsync(bot, "10", desa: "Baruga");
        await bot.Say("99", "/start"); // someone unknown
        var selects = statements.Selects().ToList();

        // The message id and the sender's contact are written at commit, never read first (a redelivery is refused
        // by the insert itself).
        statements.Clear();
        Assert.Contains("Halo", await bot.Say("10", "halo"));
        var greeting = statements.Selects();
        Assert.DoesNotContain(greeting, sql => sql.Contains("\"ProcessedMessages\"") || sql.Contains("\"Contacts\""));
        selects.AddRange(greeting);
        Assert.NotEmpty(selects);
        await using var connection = new SqliteConnection(bot.Database.ConnectionString);
        await connection.OpenAsync();
        var scans = new List<string>();
        foreach (var sql in selects)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql; // unbound parameters are NULL: the plan does not depend on them
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
                while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
            // A subquery's own rows ("CO-ROUTINE r0", "MATERIALIZE r0") are already narrowed: scanning them reads no table.
            var subqueries = plan.Select(line => Subquery().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
            scans.AddRange(plan.Select(line => FullScan().Match(line))
                .Where(m => m.Success && !subqueries.Contains(m.Groups[1].Value))
                .Select(m => $"{m.Value}  in  {sql}"));
        }
        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    /// <summary>"SCAN r" or "SCAN Reporters USING INDEX …": every row of a table is read (json_each of a parameter list is not a table).</summary>
    [GeneratedRegex(@"^SCAN (?!json_each|CONSTANT ROW)(\S+)")]
    private static partial Regex FullScan();

    [GeneratedRegex(@"^(?:CO-ROUTINE|MATERIALIZE) (\S+)")]
    private static partial Regex Subquery();

    /// <summary>The SQL of every command EF Core executed (its Information log of the command category).</summary>
    private sealed class StatementLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _sql = new();

        public void Clear() => _sql.Clear();

        public IReadOnlyList<string> Selects() => _sql.Where(s => s.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();

        public ILogger CreateLogger(string categoryName) => categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? this : NullLogger;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // "Executed DbCommand (1ms) [Parameters=[...], CommandType='Text', CommandTimeout='30']" then the SQL on the next lines
            if (eventId.Name?.EndsWith("CommandExecuted", StringComparison.Ordinal) != true) return;
            var text = formatter(state, exception);
            var newline = text.IndexOf('\n');
            if (newline > 0) _sql.Enqueue(text[(newline + 1)..]);
        }

        public bool IsEnabled(LogLevel logLevel) => true;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public void Dispose() { }

        private static readonly ILogger NullLogger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }
}
