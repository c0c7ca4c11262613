using CaseBot.Engine.Flows;

namespace CaseBot.Host.ConfigCheck;

/// <summary>The keys of the number questions: what CountLimits.Fields may name (VictimWords the victim counts only).</summary>
public static class CountQuestions
{
    public static IReadOnlySet<string> VictimKeys { get; } =
        new HashSet<string>(VictimFigures.Fields.Select(f => f.Key), StringComparer.OrdinalIgnoreCase);

    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(VictimKeys.Append("recipients").Append("qty"), StringComparer.OrdinalIgnoreCase);
}
