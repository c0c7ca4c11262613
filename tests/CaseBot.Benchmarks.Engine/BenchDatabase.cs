using System.Data.Common;
using CaseBot.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseBot.Benchmarks.Engine;

/// <summary>A fresh database for one benchmark run, set up as the bot runs it in production.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _postgresServer;

    private BenchDatabase(string name, string provider, string connectionString, string durability, string? postgresServer = null)
    {
        Name = name;
        Provider = provider;
        ConnectionString = connectionString;
        Durability = durability;
        _postgresServer = postgresServer;
    }

    public string Name { get; }
    public string Provider { get; }
    public string ConnectionString { get; }
    public string Durability { get; }

    public static BenchDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("casebot-bench-").FullName;
        return new BenchDatabase("SQLite", StorageOptions.Sqlite, $"Data Source={Path.Combine(folder, "casebot.db")}",
            $"WAL, synchronous=FULL, file in {folder}");
    }

    public static async Task<BenchDatabase> PostgresAsync(string server)
    {
        var csb = new NpgsqlConnectionStringBuilder(server) { Database = "casebot_bench_" + Guid.NewGuid().ToString("N")[..8] };
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        string Setting(string name)
        {
            using var c = new NpgsqlCommand($"SHOW {name}", admin);
            return (string)c.ExecuteScalar()!;
        }
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{csb.Database}\"", admin)) await create.ExecuteNonQueryAsync();
        var durability = $"PostgreSQL {admin.ServerVersion}, fsync={Setting("fsync")}, synchronous_commit={Setting("synchronous_commit")}";
        return new BenchDatabase("PostgreSQL", StorageOptions.Postgres, csb.ConnectionString, durability, server);
    }

    /// <summary>A plain ADO.NET connection for the raw insert baseline.</summary>
    public async Task<DbConnection> OpenRawAsync()
    {
        DbConnection c = Provider == StorageOptions.Sqlite
            ? new SqliteConnection(StorageSetup.SqliteConnectionString(ConnectionString))
            : new NpgsqlConnection(ConnectionString);
        await c.OpenAsync();
        return c;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresServer is null)
        {   // the SQLite file and its WAL live in their own temporary folder
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(new SqliteConnectionStringBuilder(ConnectionString).DataSource)!, recursive: true);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_postgresServer);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
