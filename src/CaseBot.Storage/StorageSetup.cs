using CaseBot.Domain.Abstractions;
using CaseBot.Storage.Backup;
using CaseBot.Storage.GroupCommit;
using CaseBot.Storage.Prepared;
using CaseBot.Storage.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Storage;

public static class StorageSetup
{
    /// <summary>Where PostgreSQL's migrations live: they differ from SQLite's (types, identity columns), so each
    /// provider has its own assembly of migrations.</summary>
    public const string PostgresMigrationsAssembly = "CaseBot.Storage.Postgres";

    /// <param name="scheduleZone">The time zone scheduled jobs (the nightly backup) run in: the region's.</param>
    public static IServiceCollection AddCaseStorage(this IServiceCollection services, StorageOptions options, TimeZoneInfo? scheduleZone = null)
    {
        services.AddSingleton(options);
        services.AddDbContextFactory<CaseBotDbContext>((sp, b) =>
        {
            Configure(b, options);
            // Kinds registered beside the shipped ones bring their own migrations; the shipped ones cannot know them.
            if (sp.GetServices<IStorageModel>().Any())
                b.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
        });
        services.AddSingleton<ICaseStoreFactory, EfCaseStoreFactory>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<IJobLock, DbJobLock>();
        services.AddSingleton<IOutboxStore, Outbox.EfOutboxStore>();
        services.AddSingleton<SqliteBackup>();
        if (options.IsSqlite && options.Backup.Enabled)
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<NightlyBackupJob>(sp,
                BackupOptions.ZoneOf(options.Backup, scheduleZone)));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, StorageOptions options)
    {
        builder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, CaseBotModelCacheKeyFactory>();
        if (options.IsSqlite)
        {
            builder.UseSqlite(SqliteConnectionString(options.ConnectionString),
                sqlite => sqlite.MigrationsAssembly(typeof(CaseBotDbContext).Assembly.GetName().Name));
            builder.AddInterceptors(SqliteTuning.Instance, Prepared.SqlitePreparedStatements.Instance);
        }
        else if (options.IsPostgres)
            builder.UseNpgsql(PostgresConnectionString(options.ConnectionString), pg => pg.MigrationsAssembly(PostgresMigrationsAssembly));
        else
            throw new NotSupportedException($"Storage provider '{options.Provider}' is not supported (use Sqlite or Postgres).");
    }

    /// <summary>
    /// The statements every message runs (its message id, contact, reporter, conversation, outbox rows) are prepared
    /// once on each pooled server connection and reused, instead of parsed and planned for every message. A connection
    /// string that sets auto-preparation itself (0 behind a transaction-mode pooler such as PgBouncer) is left as it is.
    /// </summary>
    public static string PostgresConnectionString(string value)
    {
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(value);
        if (!value.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !value.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
            (csb.MaxAutoPrepare, csb.AutoPrepareMinUsages) = (64, 2);
        return csb.ConnectionString;
    }

    /// <summary>Accepts a bare file path; makes sure the folder and the file exist, private (<see cref="PrivateFiles"/>),
    /// and waits on locks instead of failing.</summary>
    public static string SqliteConnectionString(string value)
    {
        var csb = new SqliteConnectionStringBuilder(value.Contains('=') ? value : $"Data Source={value}");
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout: this is the busy timeout.
        if (csb.DefaultTimeout < 30) csb.DefaultTimeout = 30;
        if (csb.Mode == SqliteOpenMode.Memory || csb.DataSource is "" or ":memory:") return csb.ToString();
        var file = Path.GetFullPath(csb.DataSource);
        if (Path.GetDirectoryName(file) is { Length: > 0 } dir) PrivateFiles.Folder(dir);
        if (csb.Mode is SqliteOpenMode.ReadWriteCreate) PrivateFiles.File(file);
        return csb.ToString();
    }
}

internal sealed class EfCaseStoreFactory(IDbContextFactory<CaseBotDbContext> contexts, StorageOptions options) : ICaseStoreFactory, IAsyncDisposable
{
    private readonly Lazy<SqliteGroupCommit?> _groupCommit = new(() =>
    {
        if (!options.IsSqlite) return null;
        var connectionString = StorageSetup.SqliteConnectionString(options.ConnectionString);
        return new SqliteGroupCommit(connectionString, EfCaseStore.WriterGate(connectionString));
    });

    /// <summary>SQLite: the long-lived connections units of work read through, with their prepared statements.</summary>
    private readonly Lazy<SqliteConnectionLeases?> _leases = new(() =>
        options.IsSqlite ? new SqliteConnectionLeases(StorageSetup.SqliteConnectionString(options.ConnectionString)) : null);

    /// <summary>SQLite: the context each kept connection serves units of work with, cleared between them. Creating a
    /// context (its own scope of EF Core's services) for every message cost about as much as a lookup.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SqliteConnection, CaseBotDbContext> _kept = new();

    /// <summary>PostgreSQL: contexts kept between units of work, as SQLite keeps one per lent connection (Npgsql's pool
    /// keeps the connections under them).</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<CaseBotDbContext> _idle = [];
    private const int KeptContexts = 16;

    public ICaseStore Create() =>
        _leases.Value is { } leases ? Leased(leases.Rent()) : Kept(RentContext());

    private CaseBotDbContext RentContext() => _idle.TryTake(out var db) ? db : contexts.CreateDbContext();

    /// <summary>A unit of work on a kept context: back on the shelf only once its transaction is over (committed, or
    /// none taken) and it forgot what it tracked; one left mid-transaction (a failure) is disposed, which rolls back.</summary>
    private EfCaseStore Kept(CaseBotDbContext db) => new(db, release: async () =>
    {
        if (db.Database.CurrentTransaction is not null || _idle.Count >= KeptContexts)
        {
            await db.DisposeAsync();
            return;
        }
        db.ChangeTracker.Clear();
        await db.Database.CloseConnectionAsync(); // back to Npgsql's pool
        _idle.Add(db);
    });

    public async Task<ICaseStore> OpenForUserAsync(string userKey, CancellationToken ct = default)
    {
        // SQLite is one process's file: the engine's in-process lock per user and the one writer suffice.
        if (_leases.Value is { } leases) return Leased(await leases.RentAsync(ct));
        var db = RentContext();
        try
        {
            // PostgreSQL: several instances may share the database, so one user's messages are handled one at a time
            // across all of them. The lock belongs to this transaction and ends with its commit or rollback.
            await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({UserLockSpace}, hashtext({userKey}))", ct);
            return Kept(db);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>A unit of work on a lent connection and its context. Back on the shelf the context forgets what it
    /// tracked; with a connection that is closed (one lent past the wait, or a unit that failed midway) it is disposed.</summary>
    private EfCaseStore Leased(SqliteConnection connection)
    {
        var db = _kept.GetValue(connection, c =>
        {
            var context = contexts.CreateDbContext();
            context.Database.SetDbConnection(c, contextOwnsConnection: false);
            return context;
        });
        return new EfCaseStore(db, _groupCommit.Value, () =>
        {
            db.ChangeTracker.Clear();
            if (_leases.Value!.Return(connection)) return ValueTask.CompletedTask;
            _kept.Remove(connection);
            return db.DisposeAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_groupCommit is { IsValueCreated: true, Value: { } groupCommit }) await groupCommit.DisposeAsync();
        foreach (var (_, context) in _kept) await context.DisposeAsync();
        while (_idle.TryTake(out var context)) await context.DisposeAsync();
        if (_leases is { IsValueCreated: true, Value: { } leases }) leases.Dispose();
    }

    /// <summary>The first key of PostgreSQL's two-key advisory locks, so user locks never collide with other locks.</summary>
    internal const int UserLockSpace = 7301;
}
