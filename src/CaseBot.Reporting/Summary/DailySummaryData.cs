namespace CaseBot.Reporting.Summary;

/// <summary>What a daily summary says, computed for one area and one local day.</summary>
public sealed record DailySummaryData
{
    public required string Area { get; init; }
    public required DateOnly Day { get; init; }
    /// <summary>New disaster events reported that day (first reports).</summary>
    public int NewDisasterReports { get; init; }
    /// <summary>Reports that updated an event already known.</summary>
    public int NewDisasterUpdates { get; init; }
    public int NewAid { get; init; }
    public int NewCases { get; init; }
    public int CasesHandled { get; init; }
    public IReadOnlyList<OpenEventLine> OpenEvents { get; init; } = [];
    public IReadOnlyList<AidLine> AidByItem { get; init; } = [];
    /// <summary>Kecamatan with no report of any kind for the configured number of days, with when they last reported.</summary>
    public IReadOnlyList<SilentKecamatan> Silent { get; init; } = [];
}

public sealed record OpenEventLine(string Number, string Kind, string Kecamatan, string Desa, long Korban, int Mengungsi, int Tertangani, DateTimeOffset UpdatedAt);

/// <param name="RecipientUnit">"orang" or "KK".</param>
public sealed record AidLine(string Item, decimal Quantity, string Unit, long Recipients, string RecipientUnit);

public sealed record SilentKecamatan(string Name, DateTimeOffset? LastReport);

/// <summary>One capaian line for the summary and its chart; produced by the capaian service.</summary>
/// <param name="Provisional">Capaian including the reports not yet verified, when there are any (else null).</param>
public sealed record CapaianLine(string Indicator, decimal? Capaian, string? Band, decimal? Provisional = null, int Unverified = 0);
