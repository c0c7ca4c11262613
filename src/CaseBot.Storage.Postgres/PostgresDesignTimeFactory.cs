using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CaseBot.Storage.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add NAME --project src/CaseBot.Storage.Postgres` build the context for PostgreSQL.
/// Adding a migration needs no server; the connection string is never opened.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<CaseBotDbContext>
{
    public CaseBotDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CaseBotDbContext>();
        StorageSetup.Configure(builder, new StorageOptions
        {
            Provider = StorageOptions.Postgres,
            ConnectionString = "Host=127.0.0.1;Database=casebot_design_time",
        });
        return new CaseBotDbContext(builder.Options);
    }
}
