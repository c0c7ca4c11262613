using CaseBot.Domain.Entities;

namespace CaseBot.Engine.Flows;

/// <summary>What to tell someone who may not report yet, by where their registration stands.</summary>
public static class AccessMessages
{
    public const string NotRegistered =
        "Anda belum terdaftar. Ketik /daftar untuk mendaftar sebagai pelapor (Tagana, TKSK, Pekerja Sosial, PSM) atau petugas dinas.";
    public const string Pending = "Pendaftaran Anda masih menunggu persetujuan admin. Anda akan diberi tahu di sini.";
    public const string Rejected = "Pendaftaran Anda ditolak. Hubungi Dinas Sosial bila ada kekeliruan, lalu /daftar lagi.";

    /// <summary>Null when the reporter is approved.</summary>
    public static string? NotAllowedToReport(Reporter? reporter) => reporter?.Status switch
    {
        null => NotRegistered,
        ReporterStatus.Pending => Pending,
        ReporterStatus.Rejected => Rejected,
        _ => null,
    };
}
