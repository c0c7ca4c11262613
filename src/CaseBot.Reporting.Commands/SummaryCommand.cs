using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;
using CaseBot.Reporting.Summary;

namespace CaseBot.Reporting.Commands;

/// <summary>/ringkasan: the daily summary of the group's or the asker's area on demand (yesterday's reports, this year's capaian).</summary>
public sealed class SummaryCommand(DailySummaryComposer composer) : ICommand
{
    public string Name => "ringkasan";
    public string Description => "Ringkasan harian wilayah Anda (laporan kemarin, capaian tahun ini)";
    public CommandAccess Access => CommandAccess.Officer;
    public bool AllowedInGroups => true; // aggregates only

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        // In a registered group: the group's area; elsewhere the asker's.
        var group = ctx.Message.ChatKind == ChatKind.Group ? await ctx.Store.GetGroupAsync(ctx.Message.Channel, ctx.Message.ChatId) : null;
        var region = (group is null ? null : ctx.Reference.Regions.Find(group.Area)) ?? AskerScope.HomeRegion(ctx);
        var summary = await composer.ComposeAsync(region, AskerScope.Today(ctx, region).AddDays(-1), ctx.Now, late: false);
        return new Reply(summary.Text) { File = new OutgoingFile("capaian.png", "image/png", summary.ChartPng) };
    }
}
