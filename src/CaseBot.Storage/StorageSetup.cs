using CaseBot.Domain.Abstractions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Storage;

public static class StorageSetup
{
    public static IServiceCollection AddCaseStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.AddDbContextFactory<CaseBotDbContext>(b => Configure(b, options));
        services.AddSingleton<ICaseStoreFactory, EfCaseStoreFactory>();
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, StorageOptions options)
    {
        if (!options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new NotSupportedException($"Storage provider '{options.Provider}' is not supported.");
        builder.UseSqlite(SqliteConnectionString(options.ConnectionString),
            sqlite => sqlite.MigrationsAssembly(typeof(CaseBotDbContext).Assembly.GetName().Name));
        builder.AddInterceptors(SqliteTuning.Instance);
    }

    /// <summary>Accepts a bare file path; makes sure the folder exists and waits on locks instead of failing.</summary>
    public static string SqliteConnectionString(string value)
    {
        var csb = new SqliteConnectionStringBuilder(value.Contains('=') ? value : $"Data Source={value}");
        if (csb.DefaultTimeout < 30) csb.DefaultTimeout = 30;
        var dir = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
        if (csb.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        return csb.ToString();
    }
}

internal sealed class EfCaseStoreFactory(IDbContextFactory<CaseBotDbContext> contexts) : ICaseStoreFactory
{
    public ICaseStore Create() => new EfCaseStore(contexts.CreateDbContext());
}
