using CaseBot.Storage.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CaseBot.Storage;

/// <summary>
/// Copies every table of one CaseBot database into another, empty one (SQLite to PostgreSQL when a department scales
/// out), keeping ids so report numbers stay the same, then checks the counts. Tables come from the EF model: a table
/// added later is copied without this code changing.
/// </summary>
public static class DatabaseCopy
{
    public sealed record TableCount(string Table, int Source, int Target);

    public static async Task<IReadOnlyList<TableCount>> CopyAsync(StorageOptions from, StorageOptions to, TextWriter progress, CancellationToken ct = default)
    {
        await using var source = Open(from);
        await using var target = Open(to);
        await new DatabaseMigrator(new SingleFactory(to)).MigrateAsync(ct);
        // The capaian rollups are not copied: they are rebuilt from the copied rows (ids and all, exact by construction).
        var types = InDependencyOrder(target.Model).Where(t => !IsRollup(t)).ToList();
        target.RollupsSuspended = true;
        foreach (var type in types)
            if (await CountAsync(target, type, ct) > 0)
                throw new InvalidOperationException($"The target database is not empty (table {type.GetTableName()}); nothing was copied.");

        foreach (var type in types)
        {
            var rows = await RowsAsync(source, type, ct);
            target.AddRange(rows);
            await target.SaveChangesAsync(ct);
            target.ChangeTracker.Clear();
            await progress.WriteLineAsync($"{type.GetTableName()}: {rows.Count}");
        }
        if (target.Database.IsNpgsql()) await ResetSequencesAsync(target, types, ct);
        target.RollupsSuspended = false;
        await progress.WriteLineAsync($"capaian rollups rebuilt: {await RollupRebuild.RunAsync(target, ct: ct)} rows");

        var counts = new List<TableCount>();
        foreach (var type in types)
            counts.Add(new TableCount(type.GetTableName()!, await CountAsync(source, type, ct), await CountAsync(target, type, ct)));
        return counts;
    }

    private static bool IsRollup(IEntityType type) => typeof(IRollupRow).IsAssignableFrom(type.ClrType) || type.ClrType == typeof(RollupState);

    private static CaseBotDbContext Open(StorageOptions options)
    {
        var builder = new DbContextOptionsBuilder<CaseBotDbContext>();
        StorageSetup.Configure(builder, options);
        return new CaseBotDbContext(builder.Options);
    }

    /// <summary>Principals before the rows that point at them (reporters before their identities, events before reports).</summary>
    private static IEnumerable<IEntityType> InDependencyOrder(IModel model)
    {
        var pending = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).ToList();
        var done = new HashSet<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || done.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("The model's foreign keys form a cycle.");
            foreach (var t in ready)
            {
                done.Add(t);
                pending.Remove(t);
                yield return t;
            }
        }
    }

    private static async Task<List<object>> RowsAsync(CaseBotDbContext db, IEntityType type, CancellationToken ct)
    {
        var query = (IQueryable<object>)typeof(DatabaseCopy).GetMethod(nameof(Query), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType).Invoke(null, [db])!;
        return await query.ToListAsync(ct);
    }

    private static IQueryable<object> Query<T>(CaseBotDbContext db) where T : class => db.Set<T>().AsNoTracking();

    private static Task<int> CountAsync(CaseBotDbContext db, IEntityType type, CancellationToken ct) =>
        (Task<int>)typeof(DatabaseCopy).GetMethod(nameof(Count), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType).Invoke(null, [db, ct])!;

    private static Task<int> Count<T>(CaseBotDbContext db, CancellationToken ct) where T : class => db.Set<T>().CountAsync(ct);

    /// <summary>Ids were copied as they were: PostgreSQL's identity sequences must continue after the highest.</summary>
    private static async Task ResetSequencesAsync(CaseBotDbContext db, IEnumerable<IEntityType> types, CancellationToken ct)
    {
        foreach (var type in types)
        {
            var key = type.FindPrimaryKey();
            if (key?.Properties is not [var id] || id.ValueGenerated != ValueGenerated.OnAdd || id.ClrType != typeof(int) && id.ClrType != typeof(long)) continue;
            var table = type.GetTableName();
            var column = id.GetColumnName();
            // Table and column names come from the EF model, never from input.
            var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)";
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }

    private sealed class SingleFactory(StorageOptions options) : IDbContextFactory<CaseBotDbContext>
    {
        public CaseBotDbContext CreateDbContext() => Open(options);
    }
}
