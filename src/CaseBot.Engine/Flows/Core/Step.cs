using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>The outcome of an answer: accepted (stored in the draft), or refused with an Indonesian explanation.</summary>
public readonly record struct StepResult(string? Error)
{
    public static readonly StepResult Ok = new(null);
    public static StepResult Invalid(string error) => new(error);
    public bool Accepted => Error is null;
}

/// <summary>One question of a flow, reading and writing one part of the typed draft. A record, so a flow can take a
/// library question and change one part of it (<c>step with { Display = … }</c>) without copying the rest by hand.</summary>
public sealed record Step<TDraft>
{
    public required string Key { get; init; }
    /// <summary>Short field name for the summary and the edit menu, e.g. "Jenis bencana".</summary>
    public required string Label { get; init; }
    public required Func<FlowContext<TDraft>, string> Prompt { get; init; }
    /// <summary>Buttons offered. When <see cref="ChoicesOnly"/>, the answer must be one of them.</summary>
    public Func<FlowContext<TDraft>, Task<IReadOnlyList<Choice>>>? Choices { get; init; }
    public bool ChoicesOnly { get; init; }
    /// <summary>Validates the answer (for choices: the chosen data) and stores it in the draft.</summary>
    public required Func<FlowContext<TDraft>, string, Task<StepResult>> Accept { get; init; }
    public required Func<TDraft, bool> IsAnswered { get; init; }
    /// <summary>Forgets the answer (when an answer it depends on changes).</summary>
    public required Action<TDraft> Clear { get; init; }
    /// <summary>When false the step does not apply (e.g. sex and age when attaching to an existing case).</summary>
    public Func<FlowContext<TDraft>, bool> When { get; init; } = _ => true;
    /// <summary>How the answer in a draft reads on the summary; null hides the line.</summary>
    public required Func<FlowContext<TDraft>, TDraft, string?> Display { get; init; }
    public bool Editable { get; init; } = true;
    /// <summary>Optional questions offer "Lewati"; <see cref="Skip"/> stores what skipping means.</summary>
    public Action<TDraft>? Skip { get; init; }
    /// <summary>A shared location answers this question (as "Lokasi lat, lon").</summary>
    public bool TakesLocation { get; init; }
    /// <summary>The answer is a number (a count, a quantity, an age, a NIK): a typed number is the answer, never a
    /// button's position. Everywhere else a typed number presses that button.</summary>
    public bool NumericAnswer { get; init; }
    /// <summary>Words people use for a choice ("L" → Laki-laki, "lutim" → Luwu Timur, "beras" → sembako), from
    /// config/vocabulary.json: the word typed, lower case, to the choice's data.</summary>
    public Func<FlowContext<TDraft>, IReadOnlyDictionary<string, string>>? Synonyms { get; init; }
    /// <summary>Questions of one group (the victim counts) can be answered in one message, in order: "0 0 2 40 120 30 100".</summary>
    public string? Group { get; init; }
    /// <summary>Answers that depend on this one and are asked again when it changes (kabupaten → kecamatan).</summary>
    public IReadOnlyList<string> Clears { get; init; } = [];
}

/// <summary>
/// A rule over the whole report, checked again against the current database when the user presses Simpan.
/// A failure names the question to fix (<see cref="StepKey"/>); null means nothing the user can fix in the form.
/// </summary>
public sealed record Invariant<TDraft>(string? StepKey, Func<FlowContext<TDraft>, Task<string?>> Check)
{
    public static Invariant<TDraft> Of(string? stepKey, Func<FlowContext<TDraft>, string?> check) =>
        new(stepKey, ctx => Task.FromResult(check(ctx)));
}
