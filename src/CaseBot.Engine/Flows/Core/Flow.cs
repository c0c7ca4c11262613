using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using Stateless.Graph;

namespace CaseBot.Engine.Flows;

/// <summary>
/// A flow over a typed draft, driven by a Stateless machine whose state lives in the <see cref="Conversation"/> row.
/// States: one per question, the summary, the edit menu, and the two ends (saved, cancelled). Triggers: answer, skip
/// (optional questions), back, confirm, edit, choose a field, cancel. Confirm is guarded by the flow's invariants,
/// checked again against the current database: a failure leads back to the question to fix.
/// </summary>
public abstract partial class Flow<TDraft> : IFlow where TDraft : class, new()
{
    public const string SummaryState = "#ringkasan";
    public const string EditMenuState = "#pilih-ubah";
    public const string SavedState = "#tersimpan";
    public const string CancelledState = "#dibatalkan";

    private IReadOnlyList<Step<TDraft>>? _steps;

    public abstract FlowInfo Info { get; }

    /// <summary>The kind of report this flow creates (number prefix, /status, /laporanku, /ubah, export sheet).</summary>
    public virtual ReportKind? Report => null;

    /// <summary>The questions in order.</summary>
    protected IReadOnlyList<Step<TDraft>> Steps => _steps ??= DefineSteps();
    protected abstract IReadOnlyList<Step<TDraft>> DefineSteps();

    /// <summary>Rules over the whole report, checked when the user presses Simpan.</summary>
    protected virtual IReadOnlyList<Invariant<TDraft>> Invariants => [];

    public virtual string? StartRefusal(FlowSession session) => null;

    /// <summary>Prefills the draft (from a report number); returns why it cannot start, or null.</summary>
    protected virtual Task<string?> PrepareAsync(FlowContext<TDraft> ctx, string? argument) => Task.FromResult<string?>(null);

    /// <summary>Update flows start at the edit menu: every answer is prefilled from the saved record.</summary>
    protected virtual bool StartsAtEditMenu => false;

    /// <summary>The figures before this change, for "old → new" on the summary; null for a new report.</summary>
    protected virtual TDraft? Original(TDraft draft) => null;

    protected virtual string SummaryTitle(FlowContext<TDraft> ctx) => $"Periksa {Info.Title} Anda:";
    /// <summary>The summary's title where it needs the database (an alert names how many will receive it).</summary>
    protected virtual Task<string> SummaryTitleAsync(FlowContext<TDraft> ctx) => Task.FromResult(SummaryTitle(ctx));
    /// <summary>The confirm button: what pressing it does ("Simpan", "Kirim").</summary>
    protected virtual string ConfirmLabel => "✅ Simpan";
    protected virtual string EditMenuText(FlowContext<TDraft> ctx) => "Bagian mana yang ingin diubah?";

    /// <summary>When the record changed since the draft was made: merges the user's changes onto the newest figures
    /// and returns what to tell them (the summary is shown again). Null when nothing changed in between.</summary>
    protected virtual Task<string?> RebaseAsync(FlowContext<TDraft> ctx) => Task.FromResult<string?>(null);

    /// <summary>Another flow takes over after this answer (e.g. an existing event was chosen in /bencana).</summary>
    protected virtual (string Flow, string Argument)? HandoffAfter(FlowContext<TDraft> ctx) => null;

    /// <summary>A photo sent during the flow: the note to show, or null when this flow has no use for photos.</summary>
    protected virtual string? OnPhoto(FlowContext<TDraft> ctx, string fileId) => null;

    /// <summary>Writes the report through the store (committed by the engine) and words the confirmation after the commit.</summary>
    protected abstract Task<Func<Reply>> SaveAsync(FlowContext<TDraft> ctx);

    // ---- the engine's side ----

    public async Task<FlowTurn> StartAsync(FlowSession session, Conversation conversation, string? argument,
        IReadOnlyDictionary<string, string>? answers = null)
    {
        var ctx = new FlowContext<TDraft>(session, new TDraft());
        if (await PrepareAsync(ctx, argument) is { } refusal) return new FlowTurn(refusal, FlowEnd.Refused);
        await PrefillAsync(ctx, answers);
        if (HandoffAfter(ctx) is { } handoff) return new FlowTurn(null, FlowEnd.HandedOver) { Handoff = handoff };
        conversation.State = StartsAtEditMenu ? EditMenuState : NextOpen(ctx);
        Store(conversation, ctx.Draft);
        var reply = await RenderAsync(ctx, conversation.State, 0);
        // Say what was taken from the message, so the reporter knows why those questions are skipped.
        var taken = answers is null ? [] : Steps.Where(s => answers.ContainsKey(s.Key) && s.When(ctx) && s.IsAnswered(ctx.Draft))
            .Select(s => (s.Label, Value: s.Display(ctx, ctx.Draft))).Where(x => x.Value is not null)
            .Select(x => $"{x.Label}: {x.Value}").ToList();
        return new FlowTurn(taken.Count == 0 ? reply : reply with
        {
            Text = $"Dari pesan Anda: {string.Join("; ", taken)} (bisa diubah di ringkasan).\n\n{reply.Text}",
        });
    }

    /// <summary>Answers given up front, in question order, each through its question's own check; a refused one stays open.</summary>
    private async Task PrefillAsync(FlowContext<TDraft> ctx, IReadOnlyDictionary<string, string>? answers)
    {
        if (answers is null) return;
        foreach (var step in Steps)
        {
            if (!answers.TryGetValue(step.Key, out var text) || !step.When(ctx) || step.IsAnswered(ctx.Draft)) continue;
            var choices = step.Choices is null ? [] : await step.Choices(ctx);
            var chosen = ChoiceResolver.Resolve(choices, null, text, step.ChoicesOnly);
            if (chosen is null && step.ChoicesOnly) continue;
            if (!(await step.Accept(ctx, chosen?.Data ?? text)).Accepted) step.Clear(ctx.Draft);
        }
    }

    public async Task<FlowTurn> RepeatAsync(FlowSession session, Conversation conversation)
    {
        if (Load(conversation) is not { } draft) return new FlowTurn(null, FlowEnd.Stale);
        var ctx = new FlowContext<TDraft>(session, draft);
        if (!IsState(conversation.State)) conversation.State = NextOpen(ctx);
        return new FlowTurn(await RenderAsync(ctx, conversation.State, 0));
    }

    public async Task<FlowTurn> HandleAsync(FlowSession session, Conversation conversation)
    {
        if (Load(conversation) is not { } draft) return new FlowTurn(null, FlowEnd.Stale);
        var ctx = new FlowContext<TDraft>(session, draft);
        var message = session.Message;
        if (!IsState(conversation.State))
        {
            // A question this version no longer asks: carry on at the first open one.
            conversation.State = NextOpen(ctx);
            Store(conversation, draft);
            return new FlowTurn(await RenderAsync(ctx, conversation.State, 0));
        }
        if (ChoicePaging.TryGetPage(message.ButtonData, out var page))
            return new FlowTurn(await RenderAsync(ctx, conversation.State, page));

        var outcome = new ConfirmOutcome();
        var machine = Build(() => conversation.State, s => conversation.State = s, ctx, outcome, out var choose, only: conversation.State);
        var turn = await DispatchAsync(ctx, conversation, machine, choose, outcome);
        if (turn.End == FlowEnd.Continues) Store(conversation, draft);
        return turn;
    }

    public string DotGraph()
    {
        var state = Steps[0].Key;
        var machine = Build(() => state, s => state = s, null!, new ConfirmOutcome(), out _);
        return UmlDotGraph.Format(machine.GetInfo());
    }
}
