using CaseBot.Storage.Backup;

namespace CaseBot.Storage;

/// <summary>Bound from "CaseBot:Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "CaseBot:Storage";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>"Sqlite" (default, embedded, one machine) or "Postgres" (several instances sharing one database).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>SQLite: a file path is enough ("data/casebot.db"); a full connection string works too.
    /// PostgreSQL: an Npgsql connection string ("Host=...;Database=casebot;Username=...;Password=..."), best from
    /// the environment (CaseBot__Storage__ConnectionString) so the password is never committed.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/casebot.db";

    /// <summary>The nightly online backup (SQLite only; PostgreSQL is backed up with pg_dump).</summary>
    public BackupOptions Backup { get; set; } = new();

    public bool IsPostgres => Provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase);
    public bool IsSqlite => Provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase);
}
