namespace CaseBot.Engine.Messages;

/// <summary>A reply to the sender: text plus optional choices. The engine addresses it.</summary>
public sealed record Reply(string Text, IReadOnlyList<Choice> Choices)
{
    public Reply(string text) : this(text, []) { }

    public OutgoingFile? File { get; init; }

    public static implicit operator Reply(string text) => new(text);
}
