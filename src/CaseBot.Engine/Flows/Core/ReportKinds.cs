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

    /// <summary>"BC-2026-0001" as an example for the prompts of this year.</summary>
    public string Example(int year) => string.Join(", ", All.Select(k => ReportNumber.Format(k.Prefix, year, 1)));
}
