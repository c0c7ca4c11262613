using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Capaian;

/// <summary>
/// Measures the configured indicators for a region and period. Every figure is an aggregate in SQL over the stored
/// reports, so it traces back to them (the exports list the same rows).
/// </summary>
public sealed class CapaianService(IDbContextFactory<CaseBotDbContext> contexts, IndicatorCatalog catalog)
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
        return indicators.Select(indicator =>
        {
            var (numerator, denominator) = totals.For(indicator);
            if (Lookup(indicator.Denominators, [scope.Region], period.TargetYear) is { } population) denominator = population;
            return new IndicatorResult(indicator, numerator, denominator, TargetFor(indicator, scope, period.TargetYear));
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
    public static decimal? TargetFor(IndicatorDefinition indicator, RegionScope scope, int year)
    {
        var candidates = indicator.Kind == IndicatorKind.Percentage ? scope.SelfAndAncestors() : [scope.Region];
        return Lookup(indicator.Targets, candidates, year);
    }

    private static decimal? Lookup(IEnumerable<TargetValue> values, IEnumerable<Domain.Configuration.Region> regions, int year)
    {
        foreach (var region in regions)
            if (values.FirstOrDefault(t => t.Year == year && string.Equals(t.Region, region.Name, StringComparison.OrdinalIgnoreCase)) is { } value)
                return value.Value;
        return null;
    }
}
