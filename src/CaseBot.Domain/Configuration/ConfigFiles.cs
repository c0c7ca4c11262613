using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseBot.Domain.Configuration;

/// <summary>Reads the department's reference data (config/regions.json, config/catalogs.json, ...).</summary>
public static class ConfigFiles
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The config folder: as given if it exists (relative to the working directory), else beside the app.</summary>
    public static string ResolveDirectory(string configured)
    {
        if (Path.IsPathRooted(configured)) return configured;
        var fromWorkingDir = Path.GetFullPath(configured);
        return Directory.Exists(fromWorkingDir) ? fromWorkingDir : Path.Combine(AppContext.BaseDirectory, configured);
    }

    public static T Load<T>(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"Configuration file {path} is missing.", path);
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{path}: kosong.");
        }
        catch (JsonException e)
        {
            // Name the file: "The JSON value could not be converted" alone leaves the operator guessing which one.
            throw new InvalidDataException($"{path}: {e.Path ?? "$"}: {e.Message} (periksa dengan: casebot check-config)", e);
        }
    }

    public static RegionCatalog LoadRegions(string directory) => Load<RegionCatalog>(directory, "regions.json").Link();

    public static Catalogs LoadCatalogs(string directory) => Load<Catalogs>(directory, "catalogs.json");

    /// <summary>config/vocabulary.json; optional: without it the bot reads digits and exact names only.</summary>
    public static Vocabulary LoadVocabulary(string directory) =>
        File.Exists(Path.Combine(directory, "vocabulary.json")) ? Load<Vocabulary>(directory, "vocabulary.json") : Vocabulary.Empty;
}
