namespace CaseBot.Engine.Messages;

/// <summary>A reply to the sender: text plus optional choices. The engine addresses it.</summary>
public sealed record Reply(string Text, IReadOnlyList<Choice> Choices)
{
    public Reply(string text) : this(text, []) { }

    public OutgoingFile? File { get; init; }

    /// <summary>The question also takes a typed answer; the choices are shortcuts (so "1" is an answer, not button 1).</summary>
    public bool AcceptsText { get; init; }

    public static implicit operator Reply(string text) => new(text);
}
