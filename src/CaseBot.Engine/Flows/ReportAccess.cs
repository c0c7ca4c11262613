using CaseBot.Domain.Entities;

namespace CaseBot.Engine.Flows;

/// <summary>
/// The one access rule for reports, used by every path that reads or writes one (flows, /status, /ubah, attaching,
/// duplicates, exports). Reading personal data is narrower than adding to a report.
/// </summary>
public static class ReportAccess
{
    /// <summary>Who may see a report in full: its reporter, approved officers of its area, admins.</summary>
    public static bool CanSee(Reporter viewer, int reportReporterId, string kabupaten, string kecamatan)
    {
        if (viewer.IsAdmin || viewer.Id == reportReporterId) return true;
        if (viewer.Role != ReporterRole.Petugas || viewer.Status != ReporterStatus.Approved) return false;
        return InArea(viewer, kabupaten, kecamatan);
    }

    /// <summary>
    /// Who may add to or change a report: whoever may see it, and approved reporters of its area (the kecamatan they
    /// serve, or their whole kabupaten when they serve all of it). Never anyone of another area.
    /// </summary>
    public static bool CanUpdate(Reporter viewer, int reportReporterId, string kabupaten, string kecamatan) =>
        viewer.Status == ReporterStatus.Approved
        && (CanSee(viewer, reportReporterId, kabupaten, kecamatan) || InArea(viewer, kabupaten, kecamatan));

    /// <summary>An event holds counts, no personal data: every approved reporter of its kabupaten may add figures and
    /// aid to it (a flood crosses kecamatan lines), admins everywhere.</summary>
    public static bool CanUpdate(Reporter viewer, DisasterEvent e) =>
        viewer.Status == ReporterStatus.Approved && (viewer.IsAdmin || viewer.Kabupaten == e.Kabupaten);

    /// <summary>Who may close an event (end its tanggap darurat): its reporter, approved officers of its area, admins;
    /// narrower than adding figures, since closing ends everyone's reporting on it.</summary>
    public static bool CanClose(Reporter viewer, DisasterEvent e) =>
        viewer.Status == ReporterStatus.Approved && CanSee(viewer, e.ReporterId, e.Kabupaten, e.Kecamatan);

    public static bool CanUpdate(Reporter viewer, PpksCase c) => CanUpdate(viewer, c.ReporterId, c.Kabupaten, c.Kecamatan);

    /// <summary>NIK in full for admins only (personal data rule).</summary>
    public static bool SeesFullNik(Reporter viewer) => viewer.IsAdmin;

    public static bool InArea(Reporter viewer, string kabupaten, string kecamatan) =>
        viewer.Kabupaten == kabupaten && (viewer.Kecamatan is null || viewer.Kecamatan == kecamatan);
}
