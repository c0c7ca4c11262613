using CaseBot.Domain.Entities;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Alerts;

/// <summary>/hasilsiaga [nomor]: the live tally of an alert (the newest of one's own without a number). Only its
/// sender and admins see it: it names volunteers.</summary>
public sealed class AlertResultsCommand : ICommand
{
    public const string CommandName = "hasilsiaga";

    public static string For(int alertId) => $"/{CommandName} {alertId}";

    public string Name => CommandName;
    public string Description => "Hasil pesan siaga: terkirim, gagal, siap, tidak bisa";
    public CommandAccess Access => CommandAccess.Officer;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var id = int.TryParse(argument.Trim(), out var n) ? n
            : Domain.Entities.ReportNumber.TryParse(argument, out var prefix, out _, out var parsed) && prefix == Alert.Prefix ? parsed : (int?)null;
        var meId = ctx.Reporter?.Id;
        var alert = id is { } k ? await ctx.Store.FindAsync<Alert>(k)
            : (await ctx.Store.ListAsync<Alert>(a => a.ByReporterId == meId, a => a.CreatedAt, 1)).FirstOrDefault();
        if (alert is null || alert.ByReporterId != meId && !ctx.IsAdmin)
            return id is null ? "Anda belum pernah mengirim pesan siaga. Ketik /siaga untuk mengirim." : "Pesan siaga itu tidak ada, atau bukan kiriman Anda.";
        var tally = await AlertTally.ReadAsync(ctx.Store, alert);
        return new Reply(tally.Text(ctx.Reference.TimeZoneOf(ctx.Reporter?.Kabupaten), ctx.Now, final: false),
            [new Choice("🔄 Perbarui", For(alert.Id))]) { ReplacesPressed = ctx.Message.ButtonData == For(alert.Id) };
    }
}
