namespace CaseBot.Storage;

/// <summary>Bound from "CaseBot:Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "CaseBot:Storage";

    /// <summary>"Sqlite" (default, embedded) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>For SQLite a file path is enough ("data/casebot.db"); a full connection string works too.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/casebot.db";
}
