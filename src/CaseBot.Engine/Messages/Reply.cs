namespace CaseBot.Engine.Messages;

/// <summary>A reply to the sender: text plus optional choices. The engine addresses it.</summary>
public sealed record Reply(string Text, IReadOnlyList<Choice> Choices)
{
    public Reply(string text) : this(text, []) { }

    public OutgoingFile? File { get; init; }

    /// <summary>The question also takes a typed answer; the choices are shortcuts (so "1" is an answer, not button 1).</summary>
    public bool AcceptsText { get; init; }

    /// <summary>Replaces the message whose button was pressed, where the channel can edit (a refreshed tally), instead of
    /// adding a new one.</summary>
    public bool ReplacesPressed { get; init; }

    /// <summary>A plain text reply. (A null string is a bug: a conditional "text or null" must not become an empty reply.)</summary>
    public static implicit operator Reply(string text) => new(text ?? throw new ArgumentNullException(nameof(text)));
}
