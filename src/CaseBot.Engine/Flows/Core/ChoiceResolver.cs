using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>Maps what the user did (pressed a button, typed its number or its name) to one of the offered choices.</summary>
public static class ChoiceResolver
{
    /// <param name="loose">Also accept the choice's number and near-miss spellings: only where the answer must be
    /// one of the choices (elsewhere "1" is an answer, not the first button).</param>
    /// <param name="numbers">A typed number presses the button at that position (false where the answer itself is a number).</param>
    public static Choice? Resolve(IReadOnlyList<Choice> choices, string? buttonData, string? text, bool loose = true, bool numbers = true)
    {
        if (buttonData is not null) return choices.FirstOrDefault(c => c.Data == buttonData);
        if (string.IsNullOrWhiteSpace(text)) return null;
        var typed = text.Trim();
        if (!loose)
            return numbers && int.TryParse(typed, out var position) && position >= 1 && position <= choices.Count
                ? choices[position - 1]
                : choices.FirstOrDefault(c => string.Equals(c.Label, typed, StringComparison.OrdinalIgnoreCase));
        if (int.TryParse(typed, out var n) && n >= 1 && n <= choices.Count) return choices[n - 1];
        var byData = choices.FirstOrDefault(c => string.Equals(c.Data, typed, StringComparison.OrdinalIgnoreCase));
        if (byData is not null) return byData;
        var match = FuzzyMatcher.Best(typed, choices.Select(c => c.Label));
        if (match is not null) return choices.First(c => c.Label == match.Value);
        // Short forms people use: "lansia" → lansia-terlantar, "karhutla"; or a unique word of the label.
        var byCode = FuzzyMatcher.Best(typed, choices.Select(c => c.Data));
        if (byCode is not null) return choices.First(c => c.Data == byCode.Value);
        var normalized = InputParsers.Normalize(typed);
        if (normalized.Length < 4) return null;
        var containing = choices.Where(c => InputParsers.Normalize(c.Label).Contains(normalized, StringComparison.Ordinal)).ToList();
        return containing.Count == 1 ? containing[0] : null;
    }

    /// <summary>The choices whose label contains what was typed ("wotu" → the events in Wotu): a search in a long list.</summary>
    public static IReadOnlyList<Choice> Search(IReadOnlyList<Choice> choices, string? text)
    {
        var typed = InputParsers.Normalize(text ?? "");
        if (typed.Length < 2) return [];
        return choices.Where(c => InputParsers.Normalize(c.Label).Contains(typed, StringComparison.Ordinal)).ToList();
    }
}
