namespace CaseBot.Storage;

/// <summary>
/// A target an admin set in chat (/target): overrides config/indicators.json for one indicator, region and year.
/// Every change is also an AuditEntry ("TARGET-&lt;indicator&gt;-&lt;region&gt;-&lt;year&gt;").
/// </summary>
public sealed class TargetOverride
{
    public int Id { get; set; }
    public required string IndicatorId { get; set; }
    /// <summary>The region's name as regions.json writes it.</summary>
    public required string Region { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
    public int? ByReporterId { get; set; }
    public DateTimeOffset SetAt { get; set; }
}
