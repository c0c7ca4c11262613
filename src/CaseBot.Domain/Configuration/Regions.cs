namespace CaseBot.Domain.Configuration;

public enum RegionLevel { Provinsi, Kabupaten, Kecamatan, Desa }

/// <summary>A node of the region tree (provinsi → kabupaten → kecamatan → desa), from config/regions.json.</summary>
public sealed class Region
{
    public required string Name { get; init; }
    public RegionLevel Level { get; init; }
    /// <summary>IANA zone; children inherit it when empty (WITA: Asia/Makassar).</summary>
    public string? TimeZone { get; init; }
    /// <summary>Where the office sits (e.g. Mamuju, Malili, Kefamenanu), informational.</summary>
    public string? Office { get; init; }
    /// <summary>Kemendagri code ("7324" for Luwu Timur): the first digits of a NIK issued there.</summary>
    public string? Code { get; init; }
    public List<Region> Children { get; init; } = [];

    public Region? Parent { get; internal set; }

    public string EffectiveTimeZone => TimeZone ?? Parent?.EffectiveTimeZone ?? "Asia/Makassar";

    public IEnumerable<Region> SelfAndDescendants()
    {
        yield return this;
        foreach (var d in Children.SelectMany(c => c.SelfAndDescendants()))
            yield return d;
    }

    public override string ToString() => $"{Level} {Name}";
}

/// <summary>The department's area. Top-level entries may be provinces or kabupaten.</summary>
public sealed class RegionCatalog
{
    public List<Region> Regions { get; init; } = [];

    /// <summary>Links children to parents; call once after loading.</summary>
    public RegionCatalog Link()
    {
        foreach (var root in Regions) LinkChildren(root);
        return this;

        static void LinkChildren(Region r)
        {
            foreach (var c in r.Children) { c.Parent = r; LinkChildren(c); }
        }
    }

    public IEnumerable<Region> All => Regions.SelectMany(r => r.SelfAndDescendants());

    public IEnumerable<Region> Kabupaten => All.Where(r => r.Level == RegionLevel.Kabupaten);

    public Region? FindKabupaten(string name) =>
        Kabupaten.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    public Region? FindKecamatan(string kabupaten, string kecamatan) =>
        FindKabupaten(kabupaten)?.Children.FirstOrDefault(k =>
            string.Equals(k.Name, kecamatan, StringComparison.OrdinalIgnoreCase));

    /// <summary>Any region by exact (case-insensitive) name; kabupaten win over kecamatan of the same name.</summary>
    public Region? Find(string name) =>
        All.OrderBy(r => r.Level).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
