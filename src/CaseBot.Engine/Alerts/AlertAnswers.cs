using CaseBot.Domain.Entities;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Alerts;

/// <summary>
/// /jawabsiaga &lt;id&gt; siap|tidak: a recipient's one-button answer to an alert. It may be changed (the last answer
/// counts, each change audited); only someone the alert was sent to can answer it.
/// </summary>
public sealed class AlertAnswers : ICommand
{
    public const string CommandName = "jawabsiaga";

    public string Name => CommandName;
    public string Description => "Jawab pesan siaga: /jawabsiaga <nomor> siap|tidak";
    public CommandAccess Access => CommandAccess.Reporter;
    public bool Offered(CommandContext ctx) => false; // answered with the alert's buttons, not from the menu

    public static IReadOnlyList<Choice> Buttons(int alertId) =>
    [
        new("✅ Siap", $"/{CommandName} {alertId} siap"),
        new("❌ Tidak bisa", $"/{CommandName} {alertId} tidak"),
    ];

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        AlertAnswer? answer = words.ElementAtOrDefault(1)?.ToLowerInvariant() switch
        {
            "siap" or "ya" or "bisa" => AlertAnswer.Siap,
            "tidak" or "tdk" or "gak" or "ga" => AlertAnswer.TidakBisa,
            _ => null,
        };
        if (words.Length == 0 || !int.TryParse(words[0], out var alertId) || answer is null)
            return "Jawab pesan siaga dengan menekan tombol ✅ Siap atau ❌ Tidak bisa di bawah pesannya.";
        var me = ctx.Reporter!;
        var mine = (await ctx.Store.ListAsync<AlertRecipient>(r => r.AlertId == alertId && r.ReporterId == me.Id, r => r.QueuedAt, 1))
            .SingleOrDefault();
        if (mine is null) return "Pesan siaga itu tidak dikirim kepada Anda.";
        var alert = (await ctx.Store.FindAsync<Alert>(alertId))!;
        if (mine.Answer != answer)
        {
            ctx.Store.AddAudit(new AuditEntry
            {
                Subject = alert.Number, Field = "jawaban", OldValue = mine.Answer?.ToString(), NewValue = answer.ToString(),
                ByReporterId = me.Id, At = ctx.Now,
            });
            mine.Answer = answer;
            mine.AnsweredAt = ctx.Now;
        }
        var other = Buttons(alertId).Where(b => !b.Data.EndsWith(answer == AlertAnswer.Siap ? " siap" : " tidak", StringComparison.Ordinal))
            .Select(b => b with { Label = $"Ubah jadi {b.Label}" }).ToList();
        return new Reply(answer == AlertAnswer.Siap
            ? $"✅ Terima kasih, {me.Name}. Jawaban Anda untuk siaga {alert.Number}: SIAP. Petugas akan menghubungi Anda."
            : $"Terima kasih, {me.Name}. Jawaban Anda untuk siaga {alert.Number}: TIDAK BISA. Tetap jaga keselamatan.", other);
    }
}
