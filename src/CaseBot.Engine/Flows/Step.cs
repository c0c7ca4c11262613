using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>The outcome of an answer: accepted (stored), or refused with an Indonesian explanation.</summary>
public readonly record struct StepResult(string? Error)
{
    public static readonly StepResult Ok = new(null);
    public static StepResult Invalid(string error) => new(error);
    public bool Accepted => Error is null;
}

/// <summary>One question of a flow.</summary>
public sealed class Step
{
    public required string Key { get; init; }
    /// <summary>Short field name for the summary and the edit menu, e.g. "Jenis bencana".</summary>
    public required string Label { get; init; }
    public required Func<FlowContext, string> Prompt { get; init; }
    /// <summary>Buttons offered. When <see cref="ChoicesOnly"/>, the answer must be one of them.</summary>
    public Func<FlowContext, Task<IReadOnlyList<Choice>>>? Choices { get; init; }
    public bool ChoicesOnly { get; init; }
    /// <summary>Validates and stores the answer (for choices: the chosen data).</summary>
    public required Func<FlowContext, string, Task<StepResult>> Accept { get; init; }
    /// <summary>When false the step is skipped (e.g. kecamatan for an update of an existing event).</summary>
    public Func<FlowContext, bool> When { get; init; } = _ => true;
    /// <summary>How the stored answer reads on the summary; null hides the line.</summary>
    public Func<FlowContext, string?> Display { get; init; } = _ => null;
    public bool Editable { get; init; } = true;
    /// <summary>Answers that depend on this one and must be asked again when it changes (kabupaten → kecamatan).</summary>
    public IReadOnlyList<string> Clears { get; init; } = [];
}
