using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Alerts;

/// <summary>
/// "siap" or "ga bisa" written instead of pressing the button (an alert that came as a WhatsApp template without buttons,
/// or a volunteer who types): the answer to the newest alert sent to this person within the last day. Other text, or
/// no such alert, is not claimed.
/// </summary>
public sealed class AlertTextAnswers(AlertAnswers answers) : IFreeTextHandler
{
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(24);

    public async Task<Reply?> TryAnswerAsync(CommandContext ctx, string text)
    {
        var words = ctx.Reference.Vocabulary.AlertAnswers;
        if (ctx.Reporter is not { } me || !words.TryGetValue(InputParsers.Normalize(text), out var said)
            || !Enum.TryParse<AlertAnswer>(said, out var answer)) return null;
        var since = ctx.Now - AnswerWithin;
        var newest = (await ctx.Store.ListAsync<AlertRecipient>(r => r.ReporterId == me.Id && r.QueuedAt >= since, r => r.QueuedAt, 1)).FirstOrDefault();
        if (newest is null) return null;
        return await answers.ExecuteAsync(ctx, $"{newest.AlertId} {(answer == AlertAnswer.Siap ? "siap" : "tidak")}");
    }
}
