using System.Text.Json.Nodes;
using CaseBot.Domain.Configuration;

namespace CaseBot.Host.ConfigCheck;

/// <summary>
/// regions.json, read as a JSON tree: a missing Level would otherwise bind silently to the first level (Provinsi).
/// Each level sits one below its parent; top-level regions are provinces or kabupaten.
/// </summary>
public static class RegionChecks
{
    private static readonly string Levels = string.Join(", ", Enum.GetNames<RegionLevel>());

    public static void Check(JsonNode root, FileProblems problems)
    {
        if (root["Regions"] is not JsonArray regions) { problems.Add("$.Regions", "daftar wilayah wajib ada"); return; }
        Children(regions, "$.Regions", parent: null, top: true, problems);
    }

    /// <param name="parent">The parent's level; null under a parent whose level is itself wrong (its children are not judged by it).</param>
    private static void Children(JsonArray list, string path, RegionLevel? parent, bool top, FileProblems problems)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{path}[{i}]";
            if (list[i] is not JsonObject region) { problems.Add(at, "harus berupa objek wilayah"); continue; }
            var name = Text(region["Name"]);
            if (string.IsNullOrWhiteSpace(name)) problems.Add($"{at}.Name", "wajib diisi");
            else if (!names.Add(name)) problems.Add($"{at}.Name", $"nama \"{name}\" ganda di tingkat ini");
            var level = Level(region, at, parent, top, problems);
            if (region["TimeZone"] is { } zone) ValueChecks.TimeZone(problems, $"{at}.TimeZone", Text(zone));
            if (region["Children"] is JsonArray children) Children(children, $"{at}.Children", level, top: false, problems);
            else if (region["Children"] is not null) problems.Add($"{at}.Children", "harus berupa daftar");
        }
    }

    private static RegionLevel? Level(JsonObject region, string at, RegionLevel? parent, bool top, FileProblems problems)
    {
        var text = Text(region["Level"]);
        if (string.IsNullOrWhiteSpace(text)) { problems.Add($"{at}.Level", $"wajib diisi ({Levels})"); return null; }
        if (!Enum.TryParse<RegionLevel>(text, ignoreCase: true, out var level) || int.TryParse(text, out _))
        {
            problems.Add($"{at}.Level", $"\"{text}\" tidak dikenal ({Levels})");
            return null;
        }
        if (parent is null && !top) return level;
        if (parent == RegionLevel.Desa) { problems.Add($"{at}.Level", "Desa tidak punya wilayah di bawahnya"); return level; }
        RegionLevel[] expected = parent is { } p ? [p + 1] : [RegionLevel.Provinsi, RegionLevel.Kabupaten];
        if (!expected.Contains(level))
            problems.Add($"{at}.Level", parent is null
                ? $"{level} tidak bisa di tingkat teratas (Provinsi atau Kabupaten)"
                : $"{level} tidak bisa di bawah {parent} (harus {parent + 1})");
        return level;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();
}
