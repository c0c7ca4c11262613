using CaseBot.Engine.Messages;
using CaseBot.Reporting.Capaian;

namespace CaseBot.Reporting.Commands;

/// <summary>The buttons that open each capaian figure of an answer or a summary to the reports behind it.</summary>
public static class DrillDownButtons
{
    public static IReadOnlyList<Choice> For(IReadOnlyList<IndicatorResult> results, RegionScope scope, ReportingPeriod period, bool numbered = true) =>
        results.Select((r, i) => new Choice(numbered ? $"🔎 Rincian {i + 1}" : $"🔎 {r.Indicator.ShortName}",
            $"/{DrillDownCommand.CommandName} {DrillDownKey.Of(r.Indicator, scope, period)}")).ToList();
}
