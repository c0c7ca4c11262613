using CaseBot.Domain.Configuration;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Capaian;

/// <summary>
/// Measures the configured indicators for a region and period. Every figure is an aggregate in SQL over the stored
/// reports, so it traces back to them (the exports list the same rows).
/// </summary>
public sealed class CapaianService(IDbContextFactory<CaseBotDbContext> contexts, IndicatorCatalog catalog, CaseBotOptions options)
{
    public IndicatorCatalog Catalog => catalog;

    /// <param name="which">A filter (topic or one indicator); without one, the indicators whose targets concern the region.</param>
    public async Task<IReadOnlyList<IndicatorResult>> MeasureAsync(RegionScope scope, ReportingPeriod period,
        Func<IndicatorDefinition, bool>? which = null, CancellationToken ct = default)
    {
        var indicators = catalog.Indicators.Where(which ?? (i => Concerns(i, scope))).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Three grouped aggregates serve every indicator, however many are configured.
        var totals = await Totals.ReadAsync(db, scope, period, indicators.Select(i => i.Measure).ToHashSet(), ct);
        var overrides = await OverridesAsync(db, period.TargetYear, ct);
        return indicators.Select(indicator =>
        {
            var figures = totals.For(indicator);
            if (Lookup(indicator.Denominators, [scope.Region], period.TargetYear) is { } population)
                figures = figures with
                {
                    Verified = figures.Verified with { Denominator = population },
                    Provisional = figures.Provisional with { Denominator = population },
                };
            return new IndicatorResult(indicator, figures, TargetFor(indicator, scope, period.TargetYear, overrides), options.Verification.CountUnverified);
        }).ToList();
    }

    /// <summary>Whether the plans set this indicator for the region, a region it lies in, or one inside it.</summary>
    public static bool Concerns(IndicatorDefinition indicator, RegionScope scope)
    {
        var related = scope.SelfAndAncestors().Concat(scope.Region.SelfAndDescendants()).Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return indicator.Targets.Any(t => related.Contains(t.Region));
    }

    /// <summary>
    /// The region's own target; a percentage target also holds for the areas inside its region (100% for the
    /// province is 100% for each kabupaten), a count target does not (1.000 orang is the province's total).
    /// </summary>
    /// <param name="overrides">Targets admins set in chat (/target) for the year: for their region they beat the configuration.</param>
    public static decimal? TargetFor(IndicatorDefinition indicator, RegionScope scope, int year, IReadOnlyList<TargetOverride>? overrides = null)
    {
        var candidates = indicator.Kind == IndicatorKind.Percentage ? scope.SelfAndAncestors() : [scope.Region];
        foreach (var region in candidates)
        {
            if (overrides?.FirstOrDefault(o => o.IndicatorId == indicator.Id && o.Year == year
                                               && string.Equals(o.Region, region.Name, StringComparison.OrdinalIgnoreCase)) is { } set)
                return set.Value;
            if (TargetValue.Resolve(indicator.Targets, region.Name, year) is { } value) return value.Value;
        }
        return null;
    }

    /// <summary>The target that applies now (override, else configuration) for exactly this region, and whether it is an override.</summary>
    public async Task<(decimal? Value, bool Overridden)> OwnTargetAsync(IndicatorDefinition indicator, string region, int year, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var set = await db.TargetOverrides.AsNoTracking()
            .FirstOrDefaultAsync(o => o.IndicatorId == indicator.Id && o.Region == region && o.Year == year, ct);
        return set is not null ? (set.Value, true) : (TargetValue.Resolve(indicator.Targets, region, year)?.Value, false);
    }

    private static async Task<IReadOnlyList<TargetOverride>> OverridesAsync(CaseBotDbContext db, int year, CancellationToken ct) =>
        await db.TargetOverrides.AsNoTracking().Where(o => o.Year == year).ToListAsync(ct);

    private static decimal? Lookup(IEnumerable<TargetValue> values, IEnumerable<Domain.Configuration.Region> regions, int year)
    {
        foreach (var region in regions)
            if (TargetValue.Resolve(values, region.Name, year) is { } value)
                return value.Value;
        return null;
    }
}
