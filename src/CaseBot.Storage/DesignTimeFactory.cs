using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CaseBot.Storage;

/// <summary>Lets `dotnet ef migrations add` build the context without the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CaseBotDbContext>
{
    public CaseBotDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CaseBotDbContext>();
        StorageSetup.Configure(builder, new StorageOptions { ConnectionString = "Data Source=design-time.db" });
        return new CaseBotDbContext(builder.Options);
    }
}
