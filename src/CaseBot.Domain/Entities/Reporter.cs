namespace CaseBot.Domain.Entities;

public enum ReporterRole { Tagana, Tksk, PekerjaSosial, Psm, Petugas }

public enum ReporterStatus { Pending, Approved, Rejected }

/// <summary>A registered person. Channel accounts point here through <see cref="ChannelIdentity"/>.</summary>
public sealed class Reporter
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ReporterRole Role { get; set; }
    public required string Kabupaten { get; set; }
    /// <summary>Null for officers who cover the whole kabupaten.</summary>
    public string? Kecamatan { get; set; }
    public ReporterStatus Status { get; set; }
    public bool IsAdmin { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>When this TKSK was last nudged about a silent kecamatan: once per silence, until a report ends it.</summary>
    public DateTimeOffset? SilenceNudgedAt { get; set; }
    public List<ChannelIdentity> Identities { get; set; } = [];

    public bool IsOfficer => Role == ReporterRole.Petugas || IsAdmin;
    public bool CanReport => Status == ReporterStatus.Approved;
}

/// <summary>One chat account (e.g. telegram user 12345) of a reporter.</summary>
public sealed class ChannelIdentity
{
    public int Id { get; set; }
    public required string Channel { get; set; }
    public required string ExternalUserId { get; set; }
    /// <summary>Where to send private notices (the private chat id).</summary>
    public required string ChatId { get; set; }
    public int ReporterId { get; set; }
    public Reporter? Reporter { get; set; }
}
