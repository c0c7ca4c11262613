using CaseBot.Storage;
using CaseBot.Storage.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Rollups;

internal static class RollupSnapshot
{
    /// <summary>Every rollup row but its id, sorted: two sets of rollups are the same when this is.</summary>
    public static async Task<List<string>> TakeAsync(CaseBotDbContext db)
    {
        static string Row(object row) => string.Join(" ", row.GetType().GetProperties().Where(p => p.Name != nameof(IRollupRow.Id))
            .Select(p => $"{p.Name}={p.GetValue(row)}"));
        return (await db.EventRollups.AsNoTracking().ToListAsync()).Select(Row)
            .Concat((await db.AidRollups.AsNoTracking().ToListAsync()).Select(Row))
            .Concat((await db.CaseRollups.AsNoTracking().ToListAsync()).Select(Row))
            .Order(StringComparer.Ordinal).ToList();
    }
}
