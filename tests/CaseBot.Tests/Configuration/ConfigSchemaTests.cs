using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace CaseBot.Tests.Configuration;

/// <summary>The JSON Schemas shipped in config/schemas, which editors use to underline mistakes, agree with the shipped config.</summary>
public sealed class ConfigSchemaTests
{
    public static TheoryData<string> Files => new() { "casebot", "regions", "catalogs", "indicators", "vocabulary" };

    private static IReadOnlyList<string> Errors(string configDir, string name)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(BrokenConfig.Shipped, "schemas", $"{name}.schema.json")));
        using var instance = JsonDocument.Parse(File.ReadAllText(Path.Combine(configDir, $"{name}.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .ToList();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_shipped_config_file_validates_against_its_schema_and_names_it(string name)
    {
        Assert.Empty(Errors(BrokenConfig.Shipped, name));
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(BrokenConfig.Shipped, $"{name}.json")))!;
        Assert.Equal($"./schemas/{name}.schema.json", (string?)file["$schema"]);
    }

    [Fact]
    public void The_schemas_catch_the_mistakes_of_the_start_up_check()
    {
        var config = new BrokenConfig()
            .Edit("regions.json", r => r["Regions"]![0]!["Children"]![2]!.AsObject().Remove("Level"))
            .Edit("casebot.json", r => r["CaseBot"]!["FloodMessages"] = -5)
            .Edit("indicators.json", r => r["Indicators"]![0]!["Measure"] = "KorbanSemua");
        Assert.Contains(Errors(config.Folder, "regions"), e => e.StartsWith("/Regions/0/Children/2:"));
        Assert.Contains(Errors(config.Folder, "casebot"), e => e.StartsWith("/CaseBot/FloodMessages:"));
        Assert.Contains(Errors(config.Folder, "indicators"), e => e.StartsWith("/Indicators/0/Measure:"));
    }
}
