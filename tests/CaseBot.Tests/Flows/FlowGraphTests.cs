using CaseBot.Engine.Flows;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Flows;

/// <summary>docs/flows/*.dot are the flows' own state machines: a flow that changes without its picture fails here.</summary>
public class FlowGraphTests
{
    private static string DocsFolder => Path.Combine(RepoRoot.Path, "docs", "flows");

    [Fact]
    public async Task Every_flow_graph_in_docs_matches_the_code()
    {
        await using var bot = await BotHarness.StartAsync();
        var flows = bot.Services.GetServices<IFlow>().ToList();
        Assert.NotEmpty(flows);
        foreach (var flow in flows)
        {
            var path = Path.Combine(DocsFolder, $"{flow.Info.Name}.dot");
            Assert.True(File.Exists(path), $"{path} is missing: run `dotnet run --project src/CaseBot.Host -- flow-graphs`.");
            Assert.True(File.ReadAllText(path) == flow.DotGraph(),
                $"{path} is out of date: run `dotnet run --project src/CaseBot.Host -- flow-graphs`.");
        }
        var extra = Directory.GetFiles(DocsFolder, "*.dot").Select(Path.GetFileNameWithoutExtension)
            .Except(flows.Select(f => f.Info.Name)).ToList();
        Assert.True(extra.Count == 0, $"docs/flows has graphs of flows that no longer exist: {string.Join(", ", extra)}");
    }

    [Fact]
    public async Task A_graph_names_every_question_and_the_shared_states()
    {
        await using var bot = await BotHarness.StartAsync();
        var disaster = bot.Services.GetServices<IFlow>().Single(f => f.Info.Name == "bencana").DotGraph();
        foreach (var state in new[] { "tertangani", "#ringkasan", "#pilih-ubah", "#tersimpan", "#dibatalkan", "Back", "Confirm" })
            Assert.Contains(state, disaster);
    }
}
