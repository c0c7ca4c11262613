using CaseBot.Domain.Entities;

namespace CaseBot.Engine.Flows;

/// <summary>Indonesian names for the enums users see.</summary>
public static class Labels
{
    public static string Role(ReporterRole role) => role switch
    {
        ReporterRole.Tagana => "Tagana",
        ReporterRole.Tksk => "TKSK",
        ReporterRole.PekerjaSosial => "Pekerja Sosial",
        ReporterRole.Psm => "PSM",
        _ => "Petugas Dinas",
    };

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Baru => "Baru",
        CaseStatus.Ditangani => "Ditangani",
        CaseStatus.Selesai => "Selesai",
        _ => "Dirujuk",
    };

    public static string Verification(VerificationState state) => state switch
    {
        VerificationState.Verified => "Terverifikasi",
        VerificationState.Returned => "Dikembalikan ke pelapor",
        _ => "Belum diverifikasi",
    };

    public static string Sex(Sex sex) => sex == Domain.Entities.Sex.LakiLaki ? "Laki-laki" : "Perempuan";

    public static string Recipients(RecipientUnit unit) => unit == RecipientUnit.Kk ? "KK" : "orang";

    public static string ReporterStatus(ReporterStatus status) => status switch
    {
        Domain.Entities.ReporterStatus.Approved => "disetujui",
        Domain.Entities.ReporterStatus.Rejected => "ditolak",
        _ => "menunggu persetujuan",
    };
}
