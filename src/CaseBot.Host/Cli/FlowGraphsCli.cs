using CaseBot.Engine.Flows;

namespace CaseBot.Host.Cli;

/// <summary>`casebot flow-graphs [--out docs/flows]` writes each flow's state machine as Graphviz DOT (Stateless's export).
/// A test fails when a flow changes and its file here was not written again.</summary>
public static class FlowGraphsCli
{
    public const string DefaultFolder = "docs/flows";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var folder = args.Length == 2 && args[0] == "--out" ? args[1] : DefaultFolder;
        Directory.CreateDirectory(folder);
        using var host = CaseBotHost.Build(["--CaseBot:Terminal:Enabled=false"]);
        foreach (var flow in host.Services.GetServices<IFlow>())
        {
            var path = Path.Combine(folder, $"{flow.Info.Name}.dot");
            await File.WriteAllTextAsync(path, flow.DotGraph());
            await output.WriteLineAsync(path);
        }
        return 0;
    }
}
