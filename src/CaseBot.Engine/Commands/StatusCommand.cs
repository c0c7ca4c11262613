using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>/status &lt;nomor&gt;: one report in full, as its kind shows it, for those allowed to see it.</summary>
public sealed class StatusCommand(ReportKinds kinds) : ICommand
{
    public string Name => "status";
    public string Description => "Lihat satu laporan: /status <nomor>";
    public CommandAccess Access => CommandAccess.Reporter;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        if (kinds.Parse(argument) is not var (kind, year, id))
            return $"Ketik nomor laporannya, contoh: /status {kinds.Example(ctx.Today.Year).Split(", ")[0]}. Lihat nomor Anda dengan /laporanku.";
        return await kind.ShowAsync(ctx.Session, id, year)
               ?? $"Laporan {argument.Trim().ToUpperInvariant()} tidak ditemukan atau bukan wewenang Anda.";
    }
}
