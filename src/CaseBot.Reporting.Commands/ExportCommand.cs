using CaseBot.Domain.Configuration;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;
using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Exports;
using CaseBot.Reporting.Questions;

namespace CaseBot.Reporting.Commands;

/// <summary>/ekspor &lt;semua|bencana|logistik|ppks&gt; [periode] [wilayah]: the report tables as an Excel file.</summary>
public sealed class ExportCommand(ReportSheets sheets, CapaianQuestionParser parser) : ICommand
{
    public string Name => "ekspor";
    public string Description => "Unduh Excel: /ekspor ppks triwulan 1 [wilayah]";
    public CommandAccess Access => CommandAccess.Officer;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var words = argument.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !sheets.TryParseKind(words[0], out var kind))
            return $"Sebutkan jenisnya: /ekspor {sheets.KindsText} [periode] [wilayah]\nContoh: /ekspor ppks triwulan 1, /ekspor semua {ctx.Today.Year} Malili";
        var rest = words.Length > 1 ? words[1] : "";
        var (named, _, unknown) = parser.FindRegion(Domain.Text.InputParsers.Normalize(rest));
        if (unknown is not null) return $"Wilayah \"{unknown}\" tidak dikenal.";
        var region = named ?? AskerScope.HomeRegion(ctx);
        if (!AskerScope.MaySee(ctx, region)) return $"Anda hanya dapat mengekspor data wilayah {AskerScope.HomeRegion(ctx).Name}.";
        var today = AskerScope.Today(ctx, region);
        var period = PeriodParser.Find(rest, today) ?? ReportingPeriod.Year(today.Year);
        var note = PeriodParser.Unrecognised(rest, today) is { } periodWords
            ? $"Periode \"{periodWords}\" tidak dikenali; yang diekspor {period.Label}. {CapaianAnswers.PeriodExamples}\n"
            : "";

        var request = new ExportRequest(kind, period.From, period.To)
        {
            Kabupaten = region.Level switch { RegionLevel.Kabupaten => region.Name, RegionLevel.Kecamatan => region.Parent!.Name, _ => null },
            Kecamatan = region.Level == RegionLevel.Kecamatan ? region.Name : null,
            ShowFullNik = ctx.IsAdmin,
        };
        var built = await sheets.BuildAsync(request);
        var fileName = $"casebot-{kind}-{region.Name.Replace(' ', '-').ToLowerInvariant()}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.xlsx";
        return new Reply(note + $"📎 {(kind == ReportSheets.All ? "Semua laporan" : built[0].Name)} {RegionScope.Of(region).Name}, {period.Label}: " +
                         string.Join(", ", built.Select(s => $"{s.Name} {Domain.Text.IndonesianFormat.Number(s.Rows.Count)} baris")))
        {
            File = new OutgoingFile(fileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", WorkbookWriter.Xlsx(built)),
        };
    }
}
