using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>/laporanku: my 10 most recent reports, newest first.</summary>
public sealed class MyReportsCommand : ICommand
{
    public string Name => "laporanku";
    public string Description => "Daftar laporan terakhir saya";
    public CommandAccess Access => CommandAccess.Reporter;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var items = await ctx.Store.RecentReportsByAsync(ctx.Reporter!.Id, 10);
        if (items.Count == 0) return "Anda belum punya laporan. Mulai dengan /bencana, /logistik, atau /ppks.";
        var catalogs = ctx.Reference.Catalogs;
        var lines = items.Select(i =>
        {
            var name = i.Kind switch
            {
                ReportKind.Disaster => catalogs.DisasterKind(i.CatalogCode)?.Name,
                ReportKind.Aid => catalogs.AidItem(i.CatalogCode)?.Name,
                _ => catalogs.PpksType(i.CatalogCode)?.Name,
            } ?? i.CatalogCode;
            return $"• {i.Number}: {name}, {i.Detail} ({IndonesianFormat.Relative(i.At, ctx.Now)})";
        });
        return $"Laporan terakhir Anda:\n{string.Join("\n", lines)}\n\nLihat rinciannya: /status <nomor>";
    }
}
