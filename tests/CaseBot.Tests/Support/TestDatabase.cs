using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseBot.Tests.Support;

public enum StorageKind { Sqlite, Postgres }

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temp folder, or a new database on the throwaway
/// PostgreSQL cluster that tests/run.sh starts (tests/postgres.sh exports its address as CASEBOT_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CASEBOT_TEST_POSTGRES";

    private TestDatabase(StorageKind kind, string folder, string connectionString)
    {
        Kind = kind;
        Folder = folder;
        ConnectionString = connectionString;
    }

    public StorageKind Kind { get; }
    /// <summary>A temp folder of the test's own (the SQLite file, backups, ...), for both kinds.</summary>
    public string Folder { get; }
    public string ConnectionString { get; }
    public string Provider => Kind == StorageKind.Postgres ? StorageOptions.Postgres : StorageOptions.Sqlite;
    public StorageOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    /// <summary>What a host needs to use this database (command-line configuration).</summary>
    public string[] HostArgs =>
    [
        $"--CaseBot:Storage:Provider={Provider}",
        $"--CaseBot:Storage:ConnectionString={ConnectionString}",
    ];

    /// <summary>The same settings as environment variables, for a `casebot` child process.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["CaseBot__Storage__Provider"] = Provider,
        ["CaseBot__Storage__ConnectionString"] = ConnectionString,
    };

    public static TestDatabase Create(StorageKind kind, string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("casebot-test-").FullName;
        if (kind == StorageKind.Sqlite)
            return new TestDatabase(kind, folder, $"Data Source={Path.Combine(folder, "casebot.db")}");
        var csb = new NpgsqlConnectionStringBuilder(PostgresServer)
        {
            Database = "casebot_t_" + Guid.NewGuid().ToString("N")[..12], // created by the migrator
        };
        return new TestDatabase(kind, folder, csb.ConnectionString);
    }

    /// <summary>The cluster's address. Missing it is a failure, never a silent pass: CI must test PostgreSQL.</summary>
    public static string PostgresServer =>
        System.Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL tests cannot run. Run `bash tests/run.sh` (it starts a " +
                "throwaway PostgreSQL on 127.0.0.1), or `source tests/postgres.sh && casebot_pg_start` before `dotnet test`." +
                (System.Environment.GetEnvironmentVariable("CI") == "true" ? " (CI: PostgreSQL must be tested.)" : ""));

    /// <summary>A context on this database without a host (for tests of storage alone).</summary>
    public CaseBotDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<CaseBotDbContext>();
        StorageSetup.Configure(builder, Options);
        return new CaseBotDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (Kind != StorageKind.Postgres) return;
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
