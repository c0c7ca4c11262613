namespace CaseBot.Reporting.Capaian;

public enum IndicatorKind
{
    /// <summary>Realisasi = numerator / denominator × 100, compared with a percentage target.</summary>
    Percentage,
    /// <summary>Realisasi = a count (orang, KK, jiwa), compared with a count target.</summary>
    Count,
}

/// <summary>What the bot counts for an indicator. The computations are code; which one an indicator uses is configuration.</summary>
public enum Measure
{
    /// <summary>Victims tertangani / all victims (terdampak + meninggal + hilang) of events dated in the period.</summary>
    VictimsHandled,
    /// <summary>Σ tertangani of events dated in the period.</summary>
    VictimsHandledCount,
    /// <summary>Σ recipients of aid handed out in the period (filtered by items and recipient unit).</summary>
    AidRecipients,
    /// <summary>PPKS cases handled (see <see cref="IndicatorDefinition.Handled"/>) / all cases reported in the period (filtered by types).</summary>
    PpksHandled,
    /// <summary>Count of PPKS cases handled in the period (filtered by types).</summary>
    PpksHandledCount,
}

/// <summary>One indicator of the plans (Renja, LKj, Renstra), from config/indicators.json.</summary>
public sealed class IndicatorDefinition
{
    public required string Id { get; init; }
    /// <summary>The name exactly as the plan writes it.</summary>
    public required string Name { get; init; }
    /// <summary>A phone-sized name.</summary>
    public required string ShortName { get; init; }
    /// <summary>"bencana", "logistik" or "ppks": what /capaian &lt;topic&gt; narrows to.</summary>
    public required string Topic { get; init; }
    public IndicatorKind Kind { get; init; }
    public string Unit { get; init; } = "jiwa";
    public Measure Measure { get; init; }
    /// <summary>Aid item codes counted (AidRecipients); empty = all items.</summary>
    public List<string> AidItems { get; init; } = [];
    /// <summary>"Orang" or "Kk" (AidRecipients); null = both.</summary>
    public string? RecipientUnit { get; init; }
    /// <summary>PPKS type codes counted; empty = all 26.</summary>
    public List<string> PpksTypes { get; init; } = [];
    /// <summary>
    /// Which PPKS case statuses count as handled (PpksHandled, PpksHandledCount); empty = ditangani and selesai.
    /// A rule may require a service ("dirujuk" counts only when a rujukan was given).
    /// </summary>
    public List<HandledRule> Handled { get; init; } = [];
    /// <summary>The plan's definition of "handled" for this indicator, quoted, for traceability.</summary>
    public string? HandledDefinition { get; init; }
    public List<TargetValue> Targets { get; init; } = [];
    /// <summary>
    /// The population a percentage is taken of, where the plan uses one ("PPKS yang ada" from DTKS: 28.860 in Luwu Timur
    /// 2024). Without one, the denominator is what was reported (all victims, all cases).
    /// </summary>
    public List<TargetValue> Denominators { get; init; } = [];
    /// <summary>Where the target comes from (document and page), for traceability.</summary>
    public string? Source { get; init; }
}

/// <summary>
/// A target for a region (a province, kabupaten or kecamatan name from regions.json): for one year, or — when
/// <see cref="Standing"/> — for every year from <see cref="Year"/> on, until a later standing entry replaces it
/// (SPM targets are 100% every year by regulation). A yearly entry beats a standing one for its own year.
/// </summary>
public sealed class TargetValue
{
    public int Year { get; init; }
    public required string Region { get; init; }
    public decimal Value { get; init; }
    public bool Standing { get; init; }
    /// <summary>Where the figure comes from (a quote from the plan or the regulation).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("_source")]
    public string? Source { get; init; }

    /// <summary>The value that applies to the region in a year, if any: its yearly entry, else the latest standing entry begun by then.</summary>
    public static TargetValue? Resolve(IEnumerable<TargetValue> values, string region, int year)
    {
        var own = values.Where(t => string.Equals(t.Region, region, StringComparison.OrdinalIgnoreCase)).ToList();
        return own.FirstOrDefault(t => !t.Standing && t.Year == year)
               ?? own.Where(t => t.Standing && t.Year <= year).MaxBy(t => t.Year);
    }
}

/// <summary>A case status that counts as handled, optionally only when one of the given services was provided.</summary>
public sealed class HandledRule
{
    public Domain.Entities.CaseStatus Status { get; init; }
    /// <summary>Service codes (PpksCase.ServiceCode holds one or several, comma-separated); empty = any service.</summary>
    public List<string> Services { get; init; } = [];

    public static readonly IReadOnlyList<HandledRule> Default =
        [new() { Status = Domain.Entities.CaseStatus.Ditangani }, new() { Status = Domain.Entities.CaseStatus.Selesai }];

    public bool Matches(Domain.Entities.CaseStatus status, string? serviceCode) =>
        status == Status && (Services.Count == 0 || (serviceCode ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(s => Services.Contains(s, StringComparer.OrdinalIgnoreCase)));
}

public sealed class IndicatorCatalog
{
    /// <summary>The editor's schema (config/schemas/indicators.schema.json), kept when targets are imported.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Where the figures come from (kept when targets are imported).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("_source")]
    public string? Source { get; init; }

    public List<IndicatorDefinition> Indicators { get; init; } = [];
}
