using System.Text.Json;
using System.Text.Json.Nodes;
using CaseBot.Domain.Configuration;
using CaseBot.Reporting.Capaian;

namespace CaseBot.Host.ConfigCheck;

/// <summary>
/// Checks config/ as a whole before the bot starts: each file's syntax and shape (naming the file and the JSON path),
/// then what the files say about each other (indicator codes in the catalogs, target regions in regions.json) and
/// the settings. Everything is reported at once, so one run shows every mistake.
/// </summary>
public static class ConfigChecker
{
    private static readonly JsonDocumentOptions Syntax = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <param name="settings">Builds the settings (casebot.json, environment, arguments); called only when casebot.json parses.</param>
    public static IReadOnlyList<ConfigProblem> Check(string configDir, Func<IConfiguration> settings)
    {
        var all = new List<ConfigProblem>();
        FileProblems For(string file) => new(Display(configDir, file), all);

        var casebot = Parse(configDir, "casebot.json", For("casebot.json"), optional: true);
        var regions = Load<RegionCatalog>(configDir, "regions.json", For("regions.json"), RegionChecks.Check)?.Link();
        var catalogs = Load<Catalogs>(configDir, "catalogs.json", For("catalogs.json"), null);
        var indicators = Load<IndicatorCatalog>(configDir, "indicators.json", For("indicators.json"), null);
        var vocabulary = File.Exists(Path.Combine(configDir, "vocabulary.json"))
            ? Load<Vocabulary>(configDir, "vocabulary.json", For("vocabulary.json"), null) : Vocabulary.Empty;

        if (catalogs is not null) CatalogChecks.Check(catalogs, For("catalogs.json"));
        if (catalogs is not null && regions is not null)
        {
            if (indicators is not null) IndicatorChecks.Check(indicators, catalogs, regions, For("indicators.json"));
            if (vocabulary is not null) CatalogChecks.CheckVocabulary(vocabulary, catalogs, regions, For("vocabulary.json"));
        }
        if (casebot is not null || !File.Exists(Path.Combine(configDir, "casebot.json")))
            OptionChecks.Check(settings(), regions ?? new RegionCatalog(), For("casebot.json"));
        return all;
    }

    public static void ThrowIfInvalid(string configDir, Func<IConfiguration> settings)
    {
        var problems = Check(configDir, settings);
        if (problems.Count > 0) throw new InvalidConfigException(problems);
    }

    /// <summary>The file as the operator knows it: relative to the working directory when inside it.</summary>
    private static string Display(string configDir, string file)
    {
        var full = Path.GetFullPath(Path.Combine(configDir, file));
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    private static JsonNode? Parse(string configDir, string file, FileProblems problems, bool optional = false)
    {
        var path = Path.Combine(configDir, file);
        if (!File.Exists(path))
        {
            if (!optional) problems.Add("$", "berkas tidak ada");
            return null;
        }
        try
        {
            return JsonNode.Parse(File.ReadAllText(path), new JsonNodeOptions { PropertyNameCaseInsensitive = true }, Syntax)
                   ?? throw new JsonException("kosong");
        }
        catch (JsonException e)
        {
            problems.Add($"baris {e.LineNumber + 1}, kolom {e.BytePositionInLine + 1}", $"JSON tidak valid ({e.Message})");
            return null;
        }
    }

    /// <summary>The file parsed, checked as a tree if asked, and bound to its type; null when it cannot be.</summary>
    private static T? Load<T>(string configDir, string file, FileProblems problems, Action<JsonNode, FileProblems>? checkTree) where T : class
    {
        if (Parse(configDir, file, problems) is not { } tree) return null;
        checkTree?.Invoke(tree, problems);
        try
        {
            return tree.Deserialize<T>(ConfigFiles.Json) ?? throw new JsonException("kosong");
        }
        catch (JsonException e)
        {
            problems.Add(e.Path ?? "$", "nilai tidak sesuai jenisnya" + (e.InnerException is { } inner ? $" ({inner.Message})" : ""));
            return null;
        }
    }
}
