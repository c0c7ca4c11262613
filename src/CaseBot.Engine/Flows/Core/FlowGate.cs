using CaseBot.Domain.Entities;

namespace CaseBot.Engine.Flows;

/// <summary>Who may use a flow, checked when it starts and again at every message in it (a reporter rejected
/// mid-flow can go no further, and cannot save).</summary>
public static class FlowGate
{
    public static string? Refusal(FlowInfo flow, Reporter? reporter)
    {
        if (!flow.RequiresApprovedReporter) return null;
        if (AccessMessages.NotAllowedToReport(reporter) is { } refusal) return refusal;
        if (flow.Roles is { } roles && !roles.Contains(reporter!.Role) && !reporter.IsAdmin)
            return $"{char.ToUpperInvariant(flow.Title[0])}{flow.Title[1..]} bukan untuk peran {Labels.Role(reporter.Role)}. Ketik /bantuan untuk melihat menu.";
        return null;
    }
}
