namespace CaseBot.Domain.Entities;

/// <summary>
/// A disaster event (kind, place, date) with its current victim counts. Every report on it is kept as a
/// <see cref="DisasterReport"/> so the current figures stay traceable to who reported what and when.
/// </summary>
public sealed class DisasterEvent : IVersioned, IAreaReport
{
    public const string Prefix = "BC";
    public int Id { get; set; }
    /// <summary>Human number, e.g. BC-2024-0042: derived from the id, so numbering never races.</summary>
    public string Number => ReportNumber.Format(Prefix, EventDate.Year, Id);
    public required string KindCode { get; set; }
    public required string Kabupaten { get; set; }
    public required string Kecamatan { get; set; }
    public required string Desa { get; set; }
    public DateOnly EventDate { get; set; }
    public int ReporterId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The end of its tanggap darurat (/tutup): no longer offered for updates or aid, nor listed as open.</summary>
    public bool Closed { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int? ClosedByReporterId { get; set; }
    /// <summary>When its reporter was last asked for fresh figures; asked again only after a newer update went stale.
    /// Written apart from <see cref="Version"/>: a reminder is not a change of the report.</summary>
    public DateTimeOffset? StaleAskedAt { get; set; }
    /// <summary>Raised on every save: see <see cref="IVersioned"/>.</summary>
    public int Version { get; set; }
    public VictimCounts Counts { get; set; } = new();
    public List<DisasterReport> Reports { get; set; } = [];
}

/// <summary>Victim figures. Jiwa unless the name says KK.</summary>
public sealed class VictimCounts
{
    public int Meninggal { get; set; }
    public int Hilang { get; set; }
    public int Luka { get; set; }
    public int Mengungsi { get; set; }
    public int TerdampakJiwa { get; set; }
    public int TerdampakKk { get; set; }
    /// <summary>Victims whose basic needs were met (the SPM numerator).</summary>
    public int Tertangani { get; set; }

    /// <summary>All victims (the SPM denominator): affected people, plus the dead and missing, who are not in it.</summary>
    public long TotalKorban => (long)TerdampakJiwa + Meninggal + Hilang;

    public VictimCounts Copy() => (VictimCounts)MemberwiseClone();
}

/// <summary>One report on an event: the figures as the reporter gave them at that moment.</summary>
public sealed class DisasterReport
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public DisasterEvent? Event { get; set; }
    public int ReporterId { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public bool IsUpdate { get; set; }
    public VictimCounts Counts { get; set; } = new();
    /// <summary>The event's verified figures are those of its newest verified report (each report holds all figures).</summary>
    public Verification Verification { get; set; } = new();
}
