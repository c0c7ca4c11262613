using CaseBot.Engine.Flows;
using CaseBot.Reporting.Exports;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Flows;

/// <summary>What the flows declare is complete and consistent: a kind missing a part fails here, not in the field.</summary>
public class FlowDeclarationTests
{
    [Fact]
    public async Task Every_report_kind_has_a_unique_prefix_an_export_sheet_and_an_existing_update_flow()
    {
        await using var bot = await BotHarness.StartAsync();
        var flows = bot.Services.GetServices<IFlow>().ToList();
        var kinds = bot.Services.GetRequiredService<ReportKinds>().All;
        var sheets = bot.Services.GetRequiredService<ReportSheets>().Sheets.Select(s => s.Key).ToList();

        Assert.Equal(["BC", "LG", "PK"], kinds.Select(k => k.Prefix).Order());
        Assert.Equal(kinds.Count, kinds.Select(k => k.Prefix).Distinct().Count());
        Assert.Equal(kinds.Select(k => k.ExportKey).Order(), sheets.Order());
        foreach (var kind in kinds.Where(k => k.UpdateFlow is not null))
            Assert.Contains(flows, f => f.Info.Name == kind.UpdateFlow);
    }

    [Fact]
    public async Task Flow_names_and_commands_are_unique_and_the_menu_comes_from_the_declarations()
    {
        await using var bot = await BotHarness.StartAsync();
        var flows = bot.Services.GetServices<IFlow>().ToList();
        Assert.Equal(flows.Count, flows.Select(f => f.Info.Name).Distinct().Count());
        var commands = flows.SelectMany(f => f.Info.Aliases.Prepend(f.Info.Command)).OfType<string>().ToList();
        Assert.Equal(commands.Count, commands.Distinct().Count());
        var menu = bot.Engine.Menu.Select(m => m.Name).ToList();
        foreach (var flow in flows.Where(f => f.Info.MenuLine is not null)) Assert.Contains(flow.Info.Command!, menu);
    }
}
