using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Flows;

namespace CaseBot.Engine.Verification;

/// <summary>Who may verify what: configured roles in their own area (admins everywhere), never their own report unless
/// configured. Part of the one access rule (<see cref="ReportAccess"/>) every path to a report goes through.</summary>
public static class VerificationRules
{
    public const string NotAVerifier = "Verifikasi laporan khusus petugas dinas yang ditunjuk.";

    public static bool IsVerifier(Reporter? viewer, bool isAdmin, VerificationOptions options) =>
        isAdmin || viewer is { Status: ReporterStatus.Approved } && options.VerifierRoles.Contains(viewer.Role);

    /// <summary>Why the viewer may not verify or return this report, or null when they may.</summary>
    public static string? Refusal(Reporter? viewer, bool isAdmin, Checkable report, VerificationOptions options)
    {
        if (!IsVerifier(viewer, isAdmin, options)) return NotAVerifier;
        if (!isAdmin && !ReportAccess.InArea(viewer!, report.Kabupaten, report.Kecamatan))
            return $"{report.Number} bukan di wilayah tugas Anda.";
        if (!options.VerifyOwnReports && viewer?.Id == report.ReporterId)
            return $"{report.Number} adalah laporan Anda sendiri; petugas lain yang memverifikasinya.";
        return null;
    }

    /// <summary>The area a verifier's queue covers: theirs, or every area for an admin.</summary>
    public static (string? Kabupaten, string? Kecamatan) Area(Reporter? viewer, bool isAdmin) =>
        isAdmin || viewer is null ? (null, null) : (viewer.Kabupaten, viewer.Kecamatan);
}
