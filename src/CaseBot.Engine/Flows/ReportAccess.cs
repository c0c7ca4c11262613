using CaseBot.Domain.Entities;

namespace CaseBot.Engine.Flows;

/// <summary>Who may see a report: its reporter, officers of its area, admins.</summary>
public static class ReportAccess
{
    public static bool CanSee(Reporter viewer, int reportReporterId, string kabupaten, string kecamatan)
    {
        if (viewer.IsAdmin || viewer.Id == reportReporterId) return true;
        if (viewer.Role != ReporterRole.Petugas || viewer.Status != ReporterStatus.Approved) return false;
        return viewer.Kabupaten == kabupaten && (viewer.Kecamatan is null || viewer.Kecamatan == kecamatan);
    }

    /// <summary>
    /// Who may add new figures to a disaster event: whoever may see it, and reporters of its area (the disaster flow
    /// offers them the open events there). An event holds counts, no personal data.
    /// </summary>
    public static bool CanUpdateEvent(Reporter viewer, DisasterEvent e) =>
        CanSee(viewer, e.ReporterId, e.Kabupaten, e.Kecamatan)
        || (viewer.Status == ReporterStatus.Approved && viewer.Kabupaten == e.Kabupaten
            && (viewer.Kecamatan is null || viewer.Kecamatan == e.Kecamatan));

    /// <summary>NIK in full for admins only (personal data rule).</summary>
    public static bool SeesFullNik(Reporter viewer) => viewer.IsAdmin;
}
