namespace CaseBot.Domain.Entities;

/// <summary>Aid handed out (logistik disalurkan) for a disaster event.</summary>
public sealed class AidDistribution : IAreaReport
{
    public const string Prefix = "LG";
    public int Id { get; set; }
    /// <summary>Human number, e.g. LG-2024-0007: derived from the id, so numbering never races.</summary>
    public string Number => ReportNumber.Format(Prefix, Date.Year, Id);
    public int EventId { get; set; }
    /// <summary>The event's area, copied at hand-out: aid is counted by where it was given without joining events.</summary>
    public string Kabupaten { get; set; } = "";
    public string Kecamatan { get; set; } = "";
    public DisasterEvent? Event { get; set; }
    public required string ItemCode { get; set; }
    public decimal Quantity { get; set; }
    public required string Unit { get; set; }
    public int Recipients { get; set; }
    public RecipientUnit RecipientUnit { get; set; }
    public required string Place { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Channel file id of a photo kept as evidence, if any.</summary>
    public string? PhotoFileId { get; set; }
    public int ReporterId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>A hand-out is never changed: a returned one counts nowhere and is reported again.</summary>
    public Verification Verification { get; set; } = new();
}

public enum RecipientUnit { Orang, Kk }
