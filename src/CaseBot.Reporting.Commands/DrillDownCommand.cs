using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;
using CaseBot.Reporting.Capaian;

namespace CaseBot.Reporting.Commands;

/// <summary>
/// /rincian &lt;indikator&gt; [wilayah] [periode]: the reports behind a capaian figure, paged, with numbers, counts,
/// kecamatan and verification state (the capaian answer's buttons open it exactly). Names only for admins in private.
/// </summary>
public sealed class DrillDownCommand(CapaianAnswers answers, CapaianService capaian, DrillDown drillDown) : ICommand
{
    public const string CommandName = "rincian";

    public string Name => CommandName;
    public string Description => "Laporan di balik angka capaian: /rincian <indikator> [wilayah] [periode]";
    public CommandAccess Access => CommandAccess.Officer;
    public bool AllowedInGroups => true; // numbers and counts; names are never shown in a group

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        if (DrillDownKey.TryParse(argument.Trim()) is { } key) return await ShowAsync(ctx, key);
        var question = answers.Parser.Parse("capaian " + argument, AskerScope.Today(ctx, AskerScope.HomeRegion(ctx)))!;
        if (question.UnknownRegion is { } unknown) return $"Wilayah \"{unknown}\" tidak dikenal. Contoh: /rincian bencana Malili tahun ini.";
        var groupArea = await AskerScope.GroupAreaAsync(ctx);
        var region = question.Region ?? groupArea ?? AskerScope.HomeRegion(ctx);
        var scope = RegionScope.Of(region);
        var period = question.Period ?? ReportingPeriod.Year(AskerScope.Today(ctx, region).Year);
        var candidates = capaian.Catalog.Indicators
            .Where(question.Which ?? (i => (question.Topic is null || i.Topic == question.Topic) && CapaianService.Concerns(i, scope))).ToList();
        return candidates.Count switch
        {
            0 => $"Tidak ada indikator yang cocok. {Usage}",
            1 => await ShowAsync(ctx, DrillDownKey.Of(candidates[0], scope, period)),
            _ => new Reply($"Rincian indikator mana ({scope.Name}, {period.Label})?",
                candidates.Take(10).Select(i => new Choice(i.ShortName, $"/{CommandName} {DrillDownKey.Of(i, scope, period)}")).ToList()),
        };
    }

    private const string Usage = "Contoh: /rincian bencana, /rincian ppks-ditangani Malili triwulan 2, atau tekan tombol Rincian di jawaban /capaian.";

    private async Task<Reply> ShowAsync(CommandContext ctx, DrillDownKey key)
    {
        var indicator = capaian.Catalog.Indicators.FirstOrDefault(i => i.Id == key.IndicatorId);
        var region = ctx.Reference.Regions.Find(key.Region);
        if (indicator is null || region is null) return $"Rincian itu tidak ditemukan. {Usage}";
        var groupArea = await AskerScope.GroupAreaAsync(ctx);
        if (!AskerScope.MaySee(ctx, region, groupArea)) return $"Anda hanya dapat melihat rincian wilayah {AskerScope.Visible(ctx, groupArea)}.";
        var scope = RegionScope.Of(region);
        var period = ReportingPeriod.FromRange(key.From, key.To);
        var result = (await capaian.MeasureAsync(scope, period, i => i.Id == indicator.Id)).Single();
        var rows = await drillDown.RowsAsync(indicator, scope, period, withNames: ctx.IsAdmin && ctx.Message.ChatKind == ChatKind.Private);
        var pages = DrillDownText.Pages(rows.Count);
        var page = Math.Min(key.Page, pages);
        var buttons = new List<Choice>();
        if (page > 1) buttons.Add(new Choice("⬅️ Sebelumnya", $"/{CommandName} {key with { Page = page - 1 }}"));
        if (page < pages) buttons.Add(new Choice("➡️ Berikutnya", $"/{CommandName} {key with { Page = page + 1 }}"));
        return new Reply(DrillDownText.Format(result, scope, period, rows, page), buttons);
    }
}
