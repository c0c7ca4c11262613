using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;
using CaseBot.Domain.Configuration;
using CaseBot.Domain.Text;
using CaseBot.Reporting.Questions;
using CaseBot.Reporting.Summary;

namespace CaseBot.Reporting.Commands;

/// <summary>/ringkasan: the daily summary of the group's or the asker's area on demand (yesterday's reports, this year's capaian).</summary>
public sealed class SummaryCommand(DailySummaryComposer composer, CapaianQuestionParser parser) : ICommand
{
    public string Name => "ringkasan";
    public string Description => "Ringkasan harian: /ringkasan [wilayah] (laporan kemarin, capaian tahun ini)";
    public CommandAccess Access => CommandAccess.Officer;
    public bool AllowedInGroups => true; // aggregates only

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        // The region asked for; else in a registered group the group's area; elsewhere the asker's.
        var groupArea = await AskerScope.GroupAreaAsync(ctx);
        Region? named = null;
        if (argument.Trim().Length > 0)
        {
            var (found, _, unknown) = parser.FindRegion("di " + InputParsers.Normalize(argument).Trim('?', '!', '.', ' '));
            if (unknown is not null)
                return $"Wilayah \"{unknown}\" tidak dikenal. Contoh: /ringkasan {AskerScope.HomeRegion(ctx).Name}";
            named = found;
        }
        var region = named ?? groupArea ?? AskerScope.HomeRegion(ctx);
        if (!AskerScope.MaySee(ctx, region, groupArea))
            return $"Anda hanya dapat melihat ringkasan wilayah {AskerScope.Visible(ctx, groupArea)}.";
        var summary = await composer.ComposeAsync(region, AskerScope.Today(ctx, region).AddDays(-1), ctx.Now, late: false);
        return new Reply(summary.Text, DrillDownButtons.For(summary.Capaian, summary.Scope, summary.Period, numbered: false))
        {
            File = new OutgoingFile("capaian.png", "image/png", summary.ChartPng),
        };
    }
}
