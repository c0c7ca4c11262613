using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CaseBot.Storage;

/// <summary>
/// The tables of a report kind that is not one of the shipped three, registered in DI beside its flow. The shipped
/// kinds are configured in <see cref="CaseBotDbContext"/> itself and have migrations here.
/// </summary>
public interface IStorageModel
{
    void Configure(ModelBuilder builder);
}

/// <summary>EF caches one model per context type; contexts with other registered kinds need models of their own.</summary>
internal sealed class CaseBotModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as CaseBotDbContext)?.ModelKey ?? "", designTime);
}
