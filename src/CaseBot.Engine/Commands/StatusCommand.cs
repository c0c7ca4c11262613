using CaseBot.Domain.Entities;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>/status &lt;nomor&gt;: one report in full, as its kind shows it, for those allowed to see it.
/// "/status 1" and "/status bc 1" look among the user's own reports for that id.</summary>
public sealed class StatusCommand(ReportKinds kinds) : ICommand
{
    private const int OwnReportsSearched = 50;

    public string Name => "status";
    public string Description => "Lihat satu laporan: /status <nomor>";
    public CommandAccess Access => CommandAccess.Reporter;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var example = kinds.Example(ctx.Today.Year).Split(", ")[0];
        if (kinds.ParseLoose(argument) is not var (kind, year, id))
            return $"Ketik nomor laporannya, contoh: /status {example}. Lihat nomor Anda dengan /laporanku.";
        var notFound = $"Laporan {argument.Trim().ToUpperInvariant()} tidak ditemukan atau bukan wewenang Anda.";
        if (kind is not null && year is not null)
            return await kind.ShowAsync(ctx.Session, id, year.Value) ?? notFound;

        // A short number: the user's own reports with that id, of the kind named if any.
        var own = new List<ReportLine>();
        foreach (var k in kinds.All.Where(k => kind is null || k == kind))
            own.AddRange(await k.RecentByAsync(ctx.Session, ctx.Reporter!.Id, OwnReportsSearched));
        var matches = own.Select(l => l.Number).Distinct()
            .Where(n => ReportNumber.TryParse(n, out _, out _, out var i) && i == id).ToList();
        return matches.Count switch
        {
            0 => $"{notFound} Ketik nomor lengkapnya, contoh: /status {example}.",
            1 => kinds.Parse(matches[0]) is var (k, y, i) ? await k.ShowAsync(ctx.Session, i, y) ?? notFound : notFound,
            _ => new Reply($"Nomor {id} ada di beberapa laporan Anda. Yang mana?", matches.Select(n => new Choice(n, $"/status {n}")).ToList()),
        };
    }
}
