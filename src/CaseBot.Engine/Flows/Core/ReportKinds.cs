using CaseBot.Domain.Entities;

namespace CaseBot.Engine.Flows;

/// <summary>The report kinds the registered flows declare, found by number prefix. Nothing else lists them.</summary>
public sealed class ReportKinds
{
    private readonly Dictionary<string, ReportKind> _byPrefix;

    public ReportKinds(IEnumerable<IFlow> flows)
    {
        All = flows.Select(f => f.Report).OfType<ReportKind>().ToList();
        _byPrefix = All.ToDictionary(k => k.Prefix, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ReportKind> All { get; }

    /// <summary>The kind and id of a typed report number, or null when it is not one.</summary>
    public (ReportKind Kind, int Year, int Id)? Parse(string? text) =>
        ReportNumber.TryParse(text, out var prefix, out var year, out var id) && _byPrefix.TryGetValue(prefix, out var kind)
            ? (kind, year, id)
            : null;

    /// <summary>
    /// What people type for a number they half remember: "BC-2026-0001", "bc 1" (this kind, any year) or "1" (any kind).
    /// Null when the text holds no id at all.
    /// </summary>
    public (ReportKind? Kind, int? Year, int Id)? ParseLoose(string? text)
    {
        if (Parse(text) is var (kind, year, id)) return (kind, year, id);
        var words = (text ?? "").Trim().Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && int.TryParse(words[0], out var bare) && bare > 0) return (null, null, bare);
        if (words.Length == 2 && _byPrefix.TryGetValue(words[0], out var named) && int.TryParse(words[1], out var numbered) && numbered > 0)
            return (named, null, numbered);
        return null;
    }

    /// <summary>
    /// The report a typed number means: a full number as it is; a short one ("1", "bc 1") among the user's own newest
    /// reports. Several matches come back as <paramref name="candidates"/> (full numbers) for the user to choose.
    /// </summary>
    public async Task<(ReportKind Kind, int Year, int Id)?> ResolveAsync(FlowSession session, string? text, List<string> candidates)
    {
        if (ParseLoose(text) is not var (kind, year, id)) return null;
        if (kind is not null && year is not null) return (kind, year.Value, id);
        var own = new List<ReportLine>();
        foreach (var k in All.Where(k => kind is null || k == kind))
            own.AddRange(await k.RecentByAsync(session, session.Reporter!.Id, OwnReportsSearched));
        candidates.AddRange(own.Select(l => l.Number).Distinct()
            .Where(n => ReportNumber.TryParse(n, out _, out _, out var i) && i == id));
        return candidates.Count == 1 ? Parse(candidates[0]) : null;
    }

    private const int OwnReportsSearched = 50;

    /// <summary>"BC-2026-0001" as an example for the prompts of this year.</summary>
    public string Example(int year) => string.Join(", ", All.Select(k => ReportNumber.Format(k.Prefix, year, 1)));
}
