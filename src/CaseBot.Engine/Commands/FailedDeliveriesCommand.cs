using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>/gagalkirim: messages a channel refused for good (blocked bot, outside WhatsApp's window), so an admin can
/// reach those people another way.</summary>
public sealed class FailedDeliveriesCommand : ICommand
{
    private const int Shown = 15;
    public string Name => "gagalkirim";
    public string Description => "Pesan yang tidak bisa dikirim (diblokir, di luar jendela WhatsApp)";
    public CommandAccess Access => CommandAccess.Admin;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var failed = await ctx.Store.FailedOutgoingAsync(Shown);
        if (failed.Count == 0) return "✅ Semua pesan terkirim; tidak ada yang gagal.";
        var zone = ctx.Reference.TimeZoneOf(null);
        var lines = failed.Select(f =>
        {
            var at = IndonesianFormat.DateTime(TimeZoneInfo.ConvertTime(f.SentAt ?? f.CreatedAt, zone));
            var who = f.ReporterId is { } id ? $" (pendaftar #{id})" : "";
            var text = f.Text.Length <= 60 ? f.Text : f.Text[..59] + "…";
            return $"• {at} · {f.Channel}:{f.ChatId}{who}\n  \"{text}\"\n  Sebab: {f.Error}";
        });
        return $"⚠️ {failed.Count} pesan terakhir yang tidak bisa dikirim:\n{string.Join("\n", lines)}\n" +
               "Hubungi mereka lewat jalur lain bila perlu.";
    }
}
