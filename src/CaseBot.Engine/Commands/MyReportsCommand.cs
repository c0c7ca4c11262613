using CaseBot.Domain.Text;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>/laporanku: my 10 most recent reports of every kind, newest first.</summary>
public sealed class MyReportsCommand(ReportKinds kinds) : ICommand
{
    private const int Shown = 10;

    public string Name => "laporanku";
    public string Description => "Daftar laporan terakhir saya";
    public CommandAccess Access => CommandAccess.Reporter;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var lines = new List<ReportLine>();
        foreach (var kind in kinds.All) lines.AddRange(await kind.RecentByAsync(ctx.Session, ctx.Reporter!.Id, Shown));
        if (lines.Count == 0) return "Anda belum punya laporan. Mulai dengan /bencana, /logistik, atau /ppks.";
        var shown = lines.OrderByDescending(l => l.At).Take(Shown)
            .Select(l => $"• {l.Number}: {l.Text} ({IndonesianFormat.Relative(l.At, ctx.Now)})");
        return $"Laporan terakhir Anda:\n{string.Join("\n", shown)}\n\nLihat rinciannya: /status <nomor>";
    }
}
