using CaseBot.Engine.Flows;

namespace CaseBot.Engine.Conversations.Intent;

/// <summary>
/// /bencana first asks "new event, or one already reported?" when events are open in the reporter's area, and the
/// kind and place are only asked for a new one. A message that names a kind no open event of the area has
/// ("ada longsor di wotu" while only a flood in Malili is open) is a new event: it is answered so the rest applies.
/// A message that could be about an open event leaves the choice to the reporter.
/// </summary>
public static class NewEventGuess
{
    public static async Task<IReadOnlyDictionary<string, string>> ApplyAsync(FlowSession session, StartFlowIntent intent)
    {
        if (intent.Flow != IntentReader.Disaster || !intent.Answers.TryGetValue("kind", out var kind)) return intent.Answers;
        intent.Answers.TryGetValue("kecamatan", out var kecamatan);
        var open = await RecentEvents.InAreaAsync(session);
        if (open.Any(e => e.KindCode == kind && (kecamatan is null || string.Equals(e.Kecamatan, kecamatan, StringComparison.OrdinalIgnoreCase))))
            return intent.Answers;
        return new Dictionary<string, string>(intent.Answers) { ["event"] = DisasterFlow.NewEvent };
    }
}
