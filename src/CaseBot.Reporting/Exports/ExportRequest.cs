namespace CaseBot.Reporting.Exports;

public enum ExportFormat { Xlsx, Csv }

/// <summary>What to export: kinds, the period (inclusive), an optional area, and whether NIK may be shown in full.</summary>
/// <param name="Kind">A sheet's key ("ppks") or <see cref="ReportSheets.All"/>.</param>
public sealed record ExportRequest(string Kind, DateOnly From, DateOnly To)
{
    public string? Kabupaten { get; init; }
    public string? Kecamatan { get; init; }
    /// <summary>Admins only; everyone else gets 7371********0001.</summary>
    public bool ShowFullNik { get; init; }
    /// <summary>Reporters see only their own reports.</summary>
    public int? OnlyReporterId { get; init; }
}
