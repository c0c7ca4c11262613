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

    public const string PeriodExamples = "Contoh periode: hari ini, kemarin, minggu ini, bulan ini, triwulan 2, Maret, tahun ini, 2024.";

    public CapaianQuestionParser Parser => parser;

    public async Task<Reply> AnswerAsync(CommandContext ctx, CapaianQuestion question)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await AnswerTimedAsync(ctx, question);
        }
        finally
        {
            Engine.Diagnostics.BotMetrics.CapaianAnswered(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<Reply> AnswerTimedAsync(CommandContext ctx, CapaianQuestion question)
    {
        if (question.UnknownRegion is { } unknown)
            return $"Wilayah \"{unknown}\" tidak dikenal. Sebut nama kabupaten atau kecamatan, contoh: capaian Malili.\n\n{Examples}";
        // In a group registered with /daftargrup the default is the group's area, not the asker's.
        var groupArea = await AskerScope.GroupAreaAsync(ctx);
        var region = question.Region ?? groupArea ?? AskerScope.HomeRegion(ctx);
        if (!AskerScope.MaySee(ctx, region, groupArea))
            return $"Anda hanya dapat melihat capaian wilayah {AskerScope.Visible(ctx, groupArea)}.";
        var scope = RegionScope.Of(region);
        var today = AskerScope.Today(ctx, region);
        var guess = question.RegionGuess is { } g ? $"(Maksud Anda {g}?)\n" : "";
        var period = question.Period ?? (question.IsRekap ? ReportingPeriod.Day(today) : ReportingPeriod.Year(today.Year));
        if (question.UnknownPeriod is { } words)
            guess += $"Periode \"{words}\" tidak dikenali; yang ditampilkan {period.Label}. {PeriodExamples}\n\n";
        if (question.IsRekap)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(region.EffectiveTimeZone);
            return guess + await rekap.FormatAsync(scope, period, zone);
        }
        var which = question.Which ?? (question.Topic is { } topic
            ? i => i.Topic == topic && CapaianService.Concerns(i, scope)
            : null);
        var results = await capaian.MeasureAsync(scope, period, which);
        // Each line opens to the reports behind it.
        return new Reply(guess + CapaianText.Format(scope, period, results), DrillDownButtons.For(results, scope, period));
    }
}
