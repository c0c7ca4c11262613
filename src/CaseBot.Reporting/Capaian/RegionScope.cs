using CaseBot.Domain.Configuration;

namespace CaseBot.Reporting.Capaian;

/// <summary>A region as the queries filter it: a set of kabupaten, optionally one kecamatan of one of them.</summary>
public sealed record RegionScope(Region Region, IReadOnlyList<string> Kabupaten, string? Kecamatan)
{
    public static RegionScope Of(Region region) => region.Level switch
    {
        RegionLevel.Kecamatan => new(region, [region.Parent!.Name], region.Name),
        RegionLevel.Desa => Of(region.Parent!),
        _ => new(region, region.SelfAndDescendants().Where(r => r.Level == RegionLevel.Kabupaten).Select(r => r.Name).ToList(), null),
    };

    /// <summary>The region and the regions above it, nearest first (targets of percentages apply downwards).</summary>
    public IEnumerable<Region> SelfAndAncestors()
    {
        for (var r = Region; r is not null; r = r.Parent) yield return r;
    }

    public string Name => Region.Level == RegionLevel.Kecamatan ? $"Kec. {Region.Name}" : Region.Name;
}
