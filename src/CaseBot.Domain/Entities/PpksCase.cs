namespace CaseBot.Domain.Entities;

public enum CaseStatus { Baru, Ditangani, Selesai, Dirujuk }

public enum Sex { LakiLaki, Perempuan }

/// <summary>A person or household in need of social welfare services (one of the 26 PPKS types).</summary>
public sealed class PpksCase : IVersioned, IAreaReport
{
    public const string Prefix = "PK";
    public int Id { get; set; }
    /// <summary>Human number, e.g. PK-2024-0003: derived from the id, so numbering never races.</summary>
    public string Number => ReportNumber.Format(Prefix, ReportedOn.Year, Id);
    public required string TypeCode { get; set; }
    public required string Name { get; set; }
    /// <summary>16 digits, optional, sensitive: shown masked except to admins.</summary>
    public string? Nik { get; set; }
    public Sex Sex { get; set; }
    public int Age { get; set; }
    public required string Kabupaten { get; set; }
    public required string Kecamatan { get; set; }
    public required string Desa { get; set; }
    public required string Description { get; set; }
    public required string ServiceCode { get; set; }
    public CaseStatus Status { get; set; }
    public int ReporterId { get; set; }
    /// <summary>The local (region time zone) date the case was reported.</summary>
    public DateOnly ReportedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When the case first reached ditangani or selesai; what capaian counts by period.</summary>
    public DateTimeOffset? HandledAt { get; set; }
    /// <summary>Raised on every save: see <see cref="IVersioned"/>.</summary>
    public int Version { get; set; }
    /// <summary>Set when officers merged this case into an older one (same person): it no longer counts on its own.</summary>
    public int? MergedIntoCaseId { get; set; }
    /// <summary>Of the case as it is now; an update makes it pending again.</summary>
    public Verification Verification { get; set; } = new();
    /// <summary>The status and services an officer last verified: what the verified figures count (null: never verified).</summary>
    public CaseStatus? VerifiedStatus { get; set; }
    public string? VerifiedServiceCode { get; set; }

    public bool IsHandled => Status is CaseStatus.Ditangani or CaseStatus.Selesai;
}
