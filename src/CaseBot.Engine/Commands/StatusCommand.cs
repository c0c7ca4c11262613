using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>/status &lt;nomor&gt;: one report in full, as its kind shows it, for those allowed to see it.
/// "/status 1" and "/status bc 1" look among the user's own reports for that id.</summary>
public sealed class StatusCommand(ReportKinds kinds) : ICommand
{
    public string Name => "status";
    public string Description => "Lihat satu laporan: /status <nomor>";
    public CommandAccess Access => CommandAccess.Reporter;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var example = kinds.Example(ctx.Today.Year).Split(", ")[0];
        if (kinds.ParseLoose(argument) is null)
            return $"Ketik nomor laporannya, contoh: /status {example}. Lihat nomor Anda dengan /laporanku.";
        var candidates = new List<string>();
        var notFound = $"Laporan {argument.Trim().ToUpperInvariant()} tidak ditemukan atau bukan wewenang Anda.";
        if (await kinds.ResolveAsync(ctx.Session, argument, candidates) is var (kind, year, id))
            return await kind.ShowAsync(ctx.Session, id, year) ?? notFound;
        return candidates.Count == 0
            ? $"{notFound} Ketik nomor lengkapnya, contoh: /status {example}."
            : new Reply($"Nomor {argument.Trim()} ada di beberapa laporan Anda. Yang mana?",
                candidates.Select(n => new Choice(n, $"/status {n}")).ToList());
    }
}
