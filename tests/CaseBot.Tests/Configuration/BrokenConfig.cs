using System.Text.Json.Nodes;

namespace CaseBot.Tests.Configuration;

/// <summary>A copy of the shipped config/ in a temp folder, one file changed the way a person editing it might.</summary>
public sealed class BrokenConfig
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("casebot-config-").FullName;

    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "config");

    public BrokenConfig()
    {
        foreach (var file in Directory.GetFiles(Shipped, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Folder, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Changes one file through its JSON tree.</summary>
    public BrokenConfig Edit(string file, Action<JsonNode> change)
    {
        var path = Path.Combine(Folder, file);
        var node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        change(node);
        File.WriteAllText(path, node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return this;
    }

    /// <summary>Changes one file as text (for syntax errors).</summary>
    public BrokenConfig EditText(string file, Func<string, string> change)
    {
        var path = Path.Combine(Folder, file);
        File.WriteAllText(path, change(File.ReadAllText(path)));
        return this;
    }

    /// <summary>What happens when the bot is built on it: the exception it refuses with, or null when it starts.</summary>
    public Exception? Start(params string[] extraArgs)
    {
        var database = Path.Combine(Folder, "casebot.db");
        var error = Record.Exception(() =>
        {
            using var host = CaseBot.Host.CaseBotHost.Build(
            [
                $"--CaseBot:ConfigDirectory={Folder}", $"--CaseBot:Storage:ConnectionString=Data Source={database}",
                "--CaseBot:Terminal:Enabled=false", .. extraArgs,
            ]);
        });
        return error;
    }
}
