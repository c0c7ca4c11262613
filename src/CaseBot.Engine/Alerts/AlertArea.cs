using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Alerts;

/// <summary>
/// An area an alert can go to, as button data: "p:Sulawesi Barat" (a province or other top-level region), "k:Mamuju"
/// (a kabupaten), "c:Mamuju/Kalukku" (a kecamatan). An officer reaches their own area; admins reach everything.
/// </summary>
public sealed record AlertArea(RegionLevel Level, string Name, string? Kabupaten, IReadOnlyList<string> KabupatenNames)
{
    public string Data => Level switch
    {
        RegionLevel.Kecamatan => $"c:{Kabupaten}/{Name}",
        RegionLevel.Kabupaten => $"k:{Name}",
        _ => $"p:{Name}",
    };

    public string Label => Level switch
    {
        RegionLevel.Kecamatan => $"Kec. {Name} ({Kabupaten})",
        RegionLevel.Kabupaten => $"Kab. {Name}",
        RegionLevel.Provinsi => $"Provinsi {Name}",
        _ => Name,
    };

    /// <summary>Whether a volunteer serves in this area (one who serves a whole kabupaten is in each of its kecamatan).</summary>
    public bool Covers(Reporter r) => Level == RegionLevel.Kecamatan
        ? r.Kabupaten == Kabupaten && (r.Kecamatan is null || r.Kecamatan == Name)
        : KabupatenNames.Contains(r.Kabupaten);

    /// <summary>The areas <paramref name="officer"/> may alert, widest first.</summary>
    public static IReadOnlyList<AlertArea> Reachable(RegionCatalog regions, Reporter? officer, bool isAdmin)
    {
        var areas = new List<AlertArea>();
        foreach (var root in regions.Regions)
        {
            var kabupaten = root.Level == RegionLevel.Kabupaten ? [root] : root.Children.Where(c => c.Level == RegionLevel.Kabupaten).ToList();
            if (isAdmin && root.Level != RegionLevel.Kabupaten)
                areas.Add(new AlertArea(root.Level, root.Name, null, kabupaten.Select(k => k.Name).ToList()));
            foreach (var kab in kabupaten)
            {
                var whole = isAdmin || officer is { Kecamatan: null } && officer.Kabupaten == kab.Name;
                if (whole) areas.Add(new AlertArea(RegionLevel.Kabupaten, kab.Name, kab.Name, [kab.Name]));
                areas.AddRange(kab.Children
                    .Where(kec => whole || officer?.Kabupaten == kab.Name && officer.Kecamatan == kec.Name)
                    .Select(kec => new AlertArea(RegionLevel.Kecamatan, kec.Name, kab.Name, [kab.Name])));
            }
        }
        return areas;
    }

    public static AlertArea? Find(IReadOnlyList<AlertArea> reachable, string? data) => reachable.FirstOrDefault(a => a.Data == data);

    /// <summary>More areas than fit on a phone: the buttons offer the wide ones, and any kecamatan can be typed.</summary>
    public const int MostButtons = 12;

    public static IReadOnlyList<Choice> Buttons(IReadOnlyList<AlertArea> reachable) =>
        Choices(reachable.Count <= MostButtons ? reachable : reachable.Where(a => a.Level != RegionLevel.Kecamatan).ToList());

    /// <summary>A pressed button's data, or a typed name ("kalukku", "malli", "Kab. Mamuju", "mamuju" = the kabupaten): the area,
    /// or why none.</summary>
    public static (AlertArea? Area, string? Problem) Resolve(IReadOnlyList<AlertArea> reachable, string typed)
    {
        if (Find(reachable, typed) is { } pressed) return (pressed, null);
        // The name as typed, slips forgiven ("malli"); a kabupaten wins over a kecamatan of the same name.
        if (FuzzyMatcher.Best(typed, reachable.Select(a => a.Name)) is { } name)
            return (reachable.Where(a => a.Name == name.Value).OrderBy(a => a.Level).First(), null);
        if (Flows.ChoiceResolver.Resolve(Choices(reachable), null, typed) is { } chosen) return (Find(reachable, chosen.Data), null);
        var found = Flows.ChoiceResolver.Search(Choices(reachable), typed);
        return found.Count > 1
            ? (null, $"Ada {found.Count} wilayah yang cocok: {string.Join(", ", found.Take(5).Select(c => c.Label))}{(found.Count > 5 ? ", …" : "")}. Ketik lebih lengkap.")
            : (null, $"\"{typed.Trim()}\" tidak ada di wilayah tugas Anda. Pilih tombol, atau ketik nama kecamatan/kabupaten.");
    }

    public static IReadOnlyList<Choice> Choices(IReadOnlyList<AlertArea> reachable) => reachable.Select(a => new Choice(a.Label, a.Data)).ToList();
}
