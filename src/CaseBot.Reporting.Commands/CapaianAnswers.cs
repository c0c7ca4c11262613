using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;
using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Questions;

namespace CaseBot.Reporting.Commands;

/// <summary>Turns a parsed question into the answer, shared by /capaian, /rekap and free-text questions.</summary>
public sealed class CapaianAnswers(CapaianService capaian, DailyRekap rekap, CapaianQuestionParser parser)
{
    public const string Examples =
        "Contoh pertanyaan:\n• capaian\n• capaian bencana\n• capaian ppks triwulan 2\n" +
        "• berapa persen korban bencana yang sudah tertangani di Malili bulan ini?\n• capaian permakanan Mamuju tahun ini\n• rekap hari ini";

    public CapaianQuestionParser Parser => parser;

    public async Task<Reply> AnswerAsync(CommandContext ctx, CapaianQuestion question)
    {
        if (question.UnknownRegion is { } unknown)
            return $"Wilayah \"{unknown}\" tidak dikenal. Sebut nama kabupaten atau kecamatan, contoh: capaian Malili.\n\n{Examples}";
        var region = question.Region ?? AskerScope.HomeRegion(ctx);
        if (!AskerScope.MaySee(ctx, region))
            return $"Anda hanya dapat melihat capaian wilayah {AskerScope.HomeRegion(ctx).Name}.";
        var scope = RegionScope.Of(region);
        var today = AskerScope.Today(ctx, region);
        var guess = question.RegionGuess is { } g ? $"(Maksud Anda {g}?)\n" : "";
        if (question.IsRekap)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(region.EffectiveTimeZone);
            return guess + await rekap.FormatAsync(scope, question.Period ?? ReportingPeriod.Day(today), zone);
        }
        var period = question.Period ?? ReportingPeriod.Year(today.Year);
        var which = question.Which ?? (question.Topic is { } topic
            ? i => i.Topic == topic && CapaianService.Concerns(i, scope)
            : null);
        var results = await capaian.MeasureAsync(scope, period, which);
        return guess + CapaianText.Format(scope, period, results);
    }
}
