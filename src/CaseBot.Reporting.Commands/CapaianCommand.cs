using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;

namespace CaseBot.Reporting.Commands;

/// <summary>/capaian [bencana|ppks|logistik|indikator] [wilayah] [periode]: capaian against this year's targets.</summary>
public sealed class CapaianCommand(CapaianAnswers answers) : ICommand
{
    public string Name => "capaian";
    public string Description => "Capaian indikator: /capaian [bencana|ppks] [wilayah] [periode]";
    public CommandAccess Access => CommandAccess.Officer;
    public bool AllowedInGroups => true; // aggregates only, no names or NIK

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var question = answers.Parser.Parse("capaian " + argument, AskerScope.Today(ctx, AskerScope.HomeRegion(ctx)));
        return await answers.AnswerAsync(ctx, question!);
    }
}

/// <summary>/rekap [periode] [wilayah]: new reports by kind and kecamatan (default: today).</summary>
public sealed class RekapCommand(CapaianAnswers answers) : ICommand
{
    public string Name => "rekap";
    public string Description => "Rekap laporan baru hari ini per kecamatan";
    public CommandAccess Access => CommandAccess.Officer;
    public bool AllowedInGroups => true;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var question = answers.Parser.Parse("rekap " + argument, AskerScope.Today(ctx, AskerScope.HomeRegion(ctx)));
        return await answers.AnswerAsync(ctx, question!);
    }
}

/// <summary>Officers may simply ask: "capaian ppks triwulan 2", "berapa persen korban tertangani di Malili bulan ini?".</summary>
public sealed class CapaianQuestionHandler(CapaianAnswers answers) : IFreeTextHandler
{
    public async Task<Reply?> TryAnswerAsync(CommandContext ctx, string text)
    {
        if (!AskerScope.IsOfficerOrAdmin(ctx.Reporter, ctx)) return null;
        var question = answers.Parser.Parse(text, AskerScope.Today(ctx, AskerScope.HomeRegion(ctx)));
        if (question is null)
            return LooksLikeAQuestion(text) ? new Reply($"Maaf, pertanyaan itu belum saya pahami.\n\n{CapaianAnswers.Examples}") : null;
        return await answers.AnswerAsync(ctx, question);
    }

    private static bool LooksLikeAQuestion(string text) => text.TrimEnd().EndsWith('?');
}
