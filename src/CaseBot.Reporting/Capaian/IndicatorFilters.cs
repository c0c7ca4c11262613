using CaseBot.Domain.Entities;

namespace CaseBot.Reporting.Capaian;

/// <summary>Which aid and cases an indicator counts, and when a case counts as handled: its configuration, applied.</summary>
public static class IndicatorFilters
{
    public static bool CountsAid(IndicatorDefinition indicator, string item, RecipientUnit unit) =>
        (indicator.AidItems.Count == 0 || indicator.AidItems.Contains(item))
        && (!Enum.TryParse<RecipientUnit>(indicator.RecipientUnit, true, out var wanted) || unit == wanted);

    public static bool CountsType(IndicatorDefinition indicator, string type) =>
        indicator.PpksTypes.Count == 0 || indicator.PpksTypes.Contains(type);

    public static bool Handled(IndicatorDefinition indicator, CaseStatus status, string? service) =>
        (indicator.Handled.Count > 0 ? indicator.Handled : HandledRule.Default).Any(r => r.Matches(status, service));
}
