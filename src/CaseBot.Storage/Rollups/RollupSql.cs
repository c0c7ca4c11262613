using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseBot.Storage.Rollups;

/// <summary>
/// Rollup buckets replaced in SQL: a bucket's rows deleted, and one level rolled into the next (days into their month,
/// kecamatan into the whole kabupaten) as one <c>INSERT … SELECT … GROUP BY</c> per kind of row. This runs in the
/// commit of every report that changes a figure, where reading the rows, summing them in memory and inserting them
/// through the change tracker held the one SQLite writer for milliseconds. The statements come from the model: the
/// rollup's unique index names its bucket and group columns, and every other column is a figure, summed.
/// </summary>
internal static class RollupSql
{
    private static readonly Type[] Kinds = [typeof(EventRollup), typeof(AidRollup), typeof(CaseRollup)];
    private static readonly ConditionalWeakTable<IModel, Statements[]> ByModel = new();

    /// <summary>Deletes one bucket's rows of every kind.</summary>
    public static async Task DeleteAsync(CaseBotDbContext db, string kabupaten, string kecamatan, RollupGrain grain, DateOnly start, CancellationToken ct)
    {
        foreach (var s in For(db))
            await db.Database.ExecuteSqlRawAsync(s.Delete, [kabupaten, kecamatan, s.Stored(grain), start], ct);
    }

    /// <summary>Replaces the target bucket's rows with the source rows summed: those of <paramref name="fromKecamatan"/>,
    /// or (null) of every kecamatan of the kabupaten, not the kabupaten's own.</summary>
    public static async Task RollAsync(CaseBotDbContext db, string kabupaten, string? fromKecamatan, RollupGrain fromGrain, DateOnly from,
        DateOnly to, string kecamatan, RollupGrain grain, DateOnly start, CancellationToken ct)
    {
        foreach (var s in For(db))
        {
            await db.Database.ExecuteSqlRawAsync(s.Delete, [kabupaten, kecamatan, s.Stored(grain), start], ct);
            object[] values = [kabupaten, kecamatan, s.Stored(grain), start, s.Stored(fromGrain), from, to, fromKecamatan ?? IRollupRow.WholeKabupaten];
            await db.Database.ExecuteSqlRawAsync(fromKecamatan is null ? s.RollKecamatanIntoKabupaten : s.RollOneKecamatan, values, ct);
        }
    }

    private static Statements[] For(CaseBotDbContext db) =>
        ByModel.GetValue(db.Model, model => Kinds.Select(k => new Statements(model.FindEntityType(k)!, db.GetService<ISqlGenerationHelper>())).ToArray());

    /// <summary>One kind of rollup row's statements. Parameters: {0} kabupaten, {1} kecamatan, {2} grain, {3} start of
    /// the target bucket; {4} grain, {5}..{6} first and last start of the source rows, {7} their kecamatan.</summary>
    private sealed class Statements
    {
        private readonly IProperty _grain;

        public Statements(IEntityType entity, ISqlGenerationHelper sql)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
            string[] bucket = [nameof(IRollupRow.Kabupaten), nameof(IRollupRow.Kecamatan), nameof(IRollupRow.Grain), nameof(IRollupRow.Start)];
            var unique = entity.GetIndexes().Single(i => i.IsUnique).Properties;
            var groups = unique.Where(p => !bucket.Contains(p.Name)).Select(p => Column(p.Name)).ToList();
            var figures = entity.GetProperties().Where(p => !p.IsPrimaryKey() && !unique.Contains(p)).Select(p => Column(p.Name)).ToList();
            _grain = entity.FindProperty(nameof(IRollupRow.Grain))!;
            var (kabupaten, kecamatan, grain, start) = (Column(bucket[0]), Column(bucket[1]), Column(bucket[2]), Column(bucket[3]));
            var name = sql.DelimitIdentifier(table.Name, table.Schema);

            Delete = $"DELETE FROM {name} WHERE {kabupaten} = {{0}} AND {kecamatan} = {{1}} AND {grain} = {{2}} AND {start} = {{3}}";
            // HAVING: without group columns an aggregate over no rows still yields a row (of NULLs); an empty bucket has none.
            string Roll(string whichKecamatan) =>
                $"INSERT INTO {name} ({string.Join(", ", [grain, start, kabupaten, kecamatan, .. groups, .. figures])}) " +
                $"SELECT {string.Join(", ", ["{2}", "{3}", "{0}", "{1}", .. groups, .. figures.Select(f => $"SUM({f})")])} FROM {name} " +
                $"WHERE {kabupaten} = {{0}} AND {grain} = {{4}} AND {start} >= {{5}} AND {start} <= {{6}} AND {kecamatan} {whichKecamatan} " +
                (groups.Count > 0 ? $"GROUP BY {string.Join(", ", groups)}" : "HAVING COUNT(*) > 0");
            RollOneKecamatan = Roll("= {7}");
            RollKecamatanIntoKabupaten = Roll("<> {7}");
        }

        public string Delete { get; }
        public string RollOneKecamatan { get; }
        public string RollKecamatanIntoKabupaten { get; }

        /// <summary>The grain as its column holds it (enums are stored as their names).</summary>
        public object Stored(RollupGrain grain) => _grain.GetTypeMapping().Converter?.ConvertToProvider(grain) ?? grain;
    }
}
