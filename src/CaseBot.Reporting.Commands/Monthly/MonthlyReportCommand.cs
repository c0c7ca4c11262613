using CaseBot.Domain.Configuration;
using CaseBot.Domain.Text;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;
using CaseBot.Reporting.Monthly;
using CaseBot.Reporting.Questions;

namespace CaseBot.Reporting.Commands.Monthly;

/// <summary>/laporanbulanan [bulan] [wilayah]: a month's SPM report on demand (default: last month, the group's or asker's area).</summary>
public sealed class MonthlyReportCommand(MonthlyReportComposer composer, CapaianQuestionParser parser) : ICommand
{
    public string Name => "laporanbulanan";
    public string Description => "Laporan bulanan SPM (teks, grafik, xlsx): /laporanbulanan [bulan] [wilayah]";
    public CommandAccess Access => CommandAccess.Officer;
    public bool AllowedInGroups => true; // aggregates only, no names or NIK

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        // The same defaults and limits as /capaian: in a registered group its area, elsewhere the asker's.
        var groupArea = await AskerScope.GroupAreaAsync(ctx);
        var home = groupArea ?? AskerScope.HomeRegion(ctx);
        var (month, rest) = MonthArgument.Parse(argument, AskerScope.Today(ctx, home));
        Region? named = null;
        if (rest.Length > 0)
        {
            var (found, _, _) = parser.FindRegion("di " + rest);
            if (found is null)
                return month is null
                    ? $"Maaf, bulan \"{argument.Trim()}\" tidak dikenali.\n{MonthArgument.Examples}"
                    : $"Wilayah \"{rest}\" tidak dikenal. Contoh: /laporanbulanan oktober {home.Name}";
            named = found;
        }
        if (month is null && named is null) return $"Maaf, bulan \"{argument.Trim()}\" tidak dikenali.\n{MonthArgument.Examples}";
        var region = named ?? home;
        if (!AskerScope.MaySee(ctx, region, groupArea))
            return $"Anda hanya dapat melihat laporan wilayah {AskerScope.Visible(ctx, groupArea)}.";
        var today = AskerScope.Today(ctx, region);
        var first = month ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (first > today)
            return $"Laporan {IndonesianFormat.MonthName(first.Month)} {first.Year} belum dapat dibuat: bulannya belum tiba.\n{MonthArgument.Examples}";

        var report = await composer.ComposeAsync(region, first.Year, first.Month, late: false);
        var messages = MonthlyReportMessages.For(ctx.Message.Channel, ctx.Message.ChatId, report);
        // The chart follows the answer as a second message: a message carries one file.
        ctx.Notices.Add(messages[1]);
        return new Reply(messages[0].Text, messages[0].Choices) { File = messages[0].File };
    }
}
