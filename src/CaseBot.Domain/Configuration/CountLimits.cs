namespace CaseBot.Domain.Configuration;

/// <summary>
/// The largest plausible figure a user may type for a count, per question key (e.g. "terdampak_kk", "recipients").
/// A typo of a few zeros is refused at the question instead of landing in every report and sum.
/// </summary>
public sealed class CountLimits
{
    /// <summary>For any count not named in <see cref="Fields"/>: more than the people of a whole province is a typo.</summary>
    public int Default { get; set; } = 1_000_000;

    /// <summary>Question key → maximum.</summary>
    public Dictionary<string, int> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public int For(string key) => Fields.TryGetValue(key, out var max) ? max : Default;
}
