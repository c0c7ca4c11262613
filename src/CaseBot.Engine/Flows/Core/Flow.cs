using System.Text.Json;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace CaseBot.Engine.Flows;

/// <summary>
/// A flow over a typed draft, driven by a Stateless machine whose state lives in the <see cref="Conversation"/> row.
/// States: one per question, the summary, the edit menu, and the two ends (saved, cancelled). Triggers: answer, skip
/// (optional questions), back, confirm, edit, choose a field, cancel. Confirm is guarded by the flow's invariants,
/// checked again against the current database: a failure leads back to the question to fix.
/// </summary>
public abstract class Flow<TDraft> : IFlow where TDraft : class, new()
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
        return new FlowTurn(await RenderAsync(ctx, conversation.State, 0));
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
        var machine = Build(() => conversation.State, s => conversation.State = s, ctx, outcome, out var choose);
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

    // ---- the machine ----

    private enum Trigger { Answer, Skip, Back, Confirm, Edit, Choose, Cancel }

    /// <summary>What the confirm guard found: a broken rule, or newer figures merged in.</summary>
    private sealed class ConfirmOutcome
    {
        public string? Problem;
        public string? Notice;
    }

    private StateMachine<string, Trigger> Build(Func<string> read, Action<string> write, FlowContext<TDraft> ctx,
        ConfirmOutcome outcome, out StateMachine<string, Trigger>.TriggerWithParameters<string> choose)
    {
        var machine = new StateMachine<string, Trigger>(read, write);
        choose = machine.SetTriggerParameters<string>(Trigger.Choose);
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            // The graph shows the usual way on (the next question, or the summary when editing) and back.
            var forward = Destinations(Steps.Skip(i + 1).Take(1).Select(s => s.Key).Append(SummaryState), "next open");
            var backward = Destinations(StartsAtEditMenu ? [EditMenuState] : Steps.Take(i).TakeLast(1).Select(s => s.Key), "previous");
            var config = machine.Configure(step.Key)
                .PermitDynamic(Trigger.Answer, () => NextOpen(ctx), "next open question", forward)
                .PermitDynamicIf(Trigger.Back, () => Previous(ctx, step.Key)!, "previous question",
                    () => Previous(ctx, step.Key) is not null, "not the first", backward)
                .Permit(Trigger.Cancel, CancelledState);
            if (step.Skip is not null)
                config.PermitDynamic(Trigger.Skip, () => NextOpen(ctx), "optional: lewati", forward);
        }
        var confirmTargets = Destinations(Invariants.Select(v => v.StepKey).OfType<string>().Distinct()
            .Append(SummaryState).Append(SavedState), "rules");
        machine.Configure(SummaryState)
            .PermitDynamicAsync(Trigger.Confirm, () => ConfirmAsync(ctx, outcome),
                "rules hold: saved; a rule broken: its question; changed meanwhile: summary", confirmTargets)
            .Permit(Trigger.Edit, EditMenuState)
            .PermitDynamic(Trigger.Back, () => LastOpen(ctx), "last question", Destinations(Steps.TakeLast(1).Select(s => s.Key), "last"))
            .Permit(Trigger.Cancel, CancelledState);
        machine.Configure(SavedState);
        machine.Configure(EditMenuState)
            .PermitDynamicIf(choose, key => key, key => EditableSteps(ctx).Any(s => s.Key == key), "editable field",
                Destinations(Steps.Where(s => s.Editable).Select(s => s.Key), "chosen"))
            .Permit(Trigger.Back, SummaryState)
            .Permit(Trigger.Cancel, CancelledState);
        return machine;
    }

    private static DynamicStateInfos Destinations(IEnumerable<string> states, string why)
    {
        var infos = new DynamicStateInfos();
        foreach (var s in states) infos.Add(s, why);
        return infos;
    }

    private async Task<string> ConfirmAsync(FlowContext<TDraft> ctx, ConfirmOutcome outcome)
    {
        if (await RebaseAsync(ctx) is { } notice)
        {
            outcome.Notice = notice;
            return SummaryState;
        }
        foreach (var invariant in Invariants)
        {
            if (await invariant.Check(ctx) is not { } problem) continue;
            outcome.Problem = problem;
            return Steps.FirstOrDefault(s => s.Key == invariant.StepKey && s.When(ctx))?.Key ?? SummaryState;
        }
        return SavedState;
    }

    private async Task<FlowTurn> DispatchAsync(FlowContext<TDraft> ctx, Conversation conversation,
        StateMachine<string, Trigger> machine, StateMachine<string, Trigger>.TriggerWithParameters<string> choose, ConfirmOutcome outcome)
    {
        var message = ctx.Message;
        switch (Navigation(message))
        {
            case Trigger.Cancel:
                await machine.FireAsync(Trigger.Cancel);
                return new FlowTurn(null, FlowEnd.Cancelled);
            case Trigger.Back when machine.CanFire(Trigger.Back):
                await machine.FireAsync(Trigger.Back);
                return await Continue(ctx, conversation);
            case Trigger.Back:
                return await Continue(ctx, conversation, "Ini pertanyaan pertama; tidak ada yang sebelumnya.");
            case Trigger.Skip when machine.CanFire(Trigger.Skip):
                Steps.First(s => s.Key == conversation.State).Skip!(ctx.Draft);
                await machine.FireAsync(Trigger.Skip);
                return await Continue(ctx, conversation);
            case Trigger.Skip:
                return await Continue(ctx, conversation, "Pertanyaan ini wajib dijawab.");
        }

        if (message.PhotoFileId is { } photo)
            return await Continue(ctx, conversation, null, OnPhoto(ctx, photo)
                ?? "Foto hanya dipakai sebagai bukti di laporan logistik; di sini cukup ketik jawabannya.");

        switch (conversation.State)
        {
            case SummaryState:
                var action = message.ButtonData ?? InputParsers.Normalize(message.Text ?? "") switch
                {
                    "1" or "simpan" or "ya" or "ok" or "kirim" or "benar" => ConfirmData,
                    "2" or "ubah" or "edit" or "perbaiki" => EditData,
                    _ => null,
                };
                if (action == EditData)
                {
                    await machine.FireAsync(Trigger.Edit);
                    return await Continue(ctx, conversation);
                }
                if (action != ConfirmData) return await Continue(ctx, conversation, "Pilih Simpan, Ubah, atau Batal.");
                await machine.FireAsync(Trigger.Confirm);
                if (conversation.State == SavedState)
                    return new FlowTurn(null, FlowEnd.Saved) { AfterCommit = await SaveAsync(ctx) };
                return await Continue(ctx, conversation, outcome.Problem, outcome.Notice);

            case EditMenuState:
                var chosen = ChoiceResolver.Resolve(EditChoices(ctx), message.ButtonData, message.Text);
                if (chosen is null) return await Continue(ctx, conversation, "Pilih bagian yang ingin diubah, atau Kembali.");
                if (chosen.Data == BackData) await machine.FireAsync(Trigger.Back);
                else await machine.FireAsync(choose, chosen.Data[FieldPrefix.Length..]);
                return await Continue(ctx, conversation);

            default:
                return await AnswerAsync(ctx, conversation, machine);
        }
    }

    private async Task<FlowTurn> AnswerAsync(FlowContext<TDraft> ctx, Conversation conversation, StateMachine<string, Trigger> machine)
    {
        var step = Steps.First(s => s.Key == conversation.State);
        var message = ctx.Message;
        string answer;
        if (message.Location is { } at)
        {
            if (!step.TakesLocation)
                return await Continue(ctx, conversation, null, "Lokasi hanya dipakai untuk pertanyaan tempat; di sini cukup ketik jawabannya.");
            answer = FormattableString.Invariant($"Lokasi {at.Latitude:0.00000}, {at.Longitude:0.00000}");
        }
        else
        {
            var choices = step.Choices is null ? [] : await step.Choices(ctx);
            var chosen = ChoiceResolver.Resolve(choices, message.ButtonData, message.Text, step.ChoicesOnly, numbers: !step.NumericAnswer);
            if (chosen is not null) answer = chosen.Data;
            else if (step.ChoicesOnly && ChoiceResolver.Search(choices, message.Text) is { Count: > 1 } found)
                return new FlowTurn(new Reply($"Ada {found.Count} pilihan yang cocok dengan \"{message.Text!.Trim()}\". Pilih salah satu:", found));
            else if (step.ChoicesOnly || message.ButtonData is not null)
                return await Continue(ctx, conversation, (message.ButtonData is not null
                    ? "Tombol itu sudah tidak berlaku untuk pertanyaan ini."
                    : "Jawaban tidak ada di pilihan.") + " Pilih salah satu tombol di bawah, atau ketik nomornya.");
            else answer = message.Text?.Trim() ?? "";
            if (step.Group is not null && message.ButtonData is null && await AnswerGroupAsync(ctx, step, answer) is { } grouped)
            {
                if (grouped.Error is { } problem) return await Continue(ctx, conversation, problem);
                await machine.FireAsync(Trigger.Answer);
                return await Continue(ctx, conversation);
            }
        }

        var before = JsonSerializer.Serialize(ctx.Draft, Json);
        var result = await step.Accept(ctx, answer);
        if (!result.Accepted) return await Continue(ctx, conversation, result.Error);
        if (before != JsonSerializer.Serialize(ctx.Draft, Json))
            foreach (var dependent in Steps.Where(s => step.Clears.Contains(s.Key))) dependent.Clear(ctx.Draft);
        if (HandoffAfter(ctx) is { } handoff) return new FlowTurn(null, FlowEnd.HandedOver) { Handoff = handoff };
        await machine.FireAsync(Trigger.Answer);
        return await Continue(ctx, conversation);
    }

    /// <summary>Several numbers typed at the first of a group of count questions answer it and the ones after it, in
    /// order; null when the text is a single answer. Stops at the first refused number, which is asked next.</summary>
    private async Task<StepResult?> AnswerGroupAsync(FlowContext<TDraft> ctx, Step<TDraft> first, string text)
    {
        // "1,5" is one (bad) number with a decimal comma; "0, 0, 2" and "0 0 2" are three.
        var parts = text.Replace(", ", " ").Split([' ', ';', '/', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts.All(p => InputParsers.TryParseCount(p, out _))) return null;
        var group = Steps.SkipWhile(s => s != first).TakeWhile(s => s.Group == first.Group).Where(s => s.When(ctx)).ToList();
        if (parts.Length > group.Count)
            return StepResult.Invalid($"Terlalu banyak angka: ada {group.Count} pertanyaan jumlah mulai dari ini ({string.Join(", ", group.Select(s => s.Label))}).");
        for (var i = 0; i < parts.Length; i++)
        {
            var result = await group[i].Accept(ctx, parts[i]);
            if (!result.Accepted) { group[i].Clear(ctx.Draft); return StepResult.Invalid($"{group[i].Label}: {result.Error}"); }
        }
        return StepResult.Ok;
    }

    private async Task<FlowTurn> Continue(FlowContext<TDraft> ctx, Conversation conversation, string? problem = null, string? notice = null)
    {
        var reply = await RenderAsync(ctx, conversation.State, 0);
        var prefix = (problem is null ? "" : $"⚠️ {problem}\n\n") + (notice is null ? "" : $"{notice}\n\n");
        return new FlowTurn(prefix.Length == 0 ? reply : reply with { Text = prefix + reply.Text });
    }

    // ---- navigation ----

    private const string ConfirmData = FlowButtons.Confirm;
    private const string EditData = FlowButtons.Edit;
    private const string CancelData = FlowButtons.Cancel;
    private const string BackData = FlowButtons.Back;
    private const string SkipData = FlowButtons.Skip;
    private const string FieldPrefix = FlowButtons.FieldPrefix;

    /// <summary>Kembali, lewati and batal work at every question, as buttons, words or commands.</summary>
    private static Trigger? Navigation(IncomingMessage message) =>
        message.ButtonData switch
        {
            CancelData => Trigger.Cancel,
            BackData => Trigger.Back,
            SkipData => Trigger.Skip,
            not null => null,
            null => InputParsers.Normalize((message.Text ?? "").TrimStart('/')) switch
            {
                "batal" when message.Text!.TrimStart().StartsWith('/') => Trigger.Cancel,
                "kembali" => Trigger.Back,
                "lewati" => Trigger.Skip,
                _ => null,
            },
        };

    /// <summary>The first applicable question not answered yet; the summary when all are.</summary>
    private string NextOpen(FlowContext<TDraft> ctx) =>
        Steps.FirstOrDefault(s => s.When(ctx) && !s.IsAnswered(ctx.Draft))?.Key ?? SummaryState;

    /// <summary>The question before, or the edit menu in an update flow (where the user picked this question there).</summary>
    private string? Previous(FlowContext<TDraft> ctx, string key) => StartsAtEditMenu
        ? EditMenuState
        : Steps.TakeWhile(s => s.Key != key).LastOrDefault(s => s.When(ctx) && s.Editable)?.Key;

    private string LastOpen(FlowContext<TDraft> ctx) =>
        Steps.LastOrDefault(s => s.When(ctx) && s.Editable)?.Key ?? SummaryState;

    private bool IsState(string state) =>
        state is SummaryState or EditMenuState || Steps.Any(s => s.Key == state);

    private IEnumerable<Step<TDraft>> EditableSteps(FlowContext<TDraft> ctx) =>
        Steps.Where(s => s.Editable && s.When(ctx) && (s.IsAnswered(ctx.Draft) || StartsAtEditMenu));

    private List<Choice> EditChoices(FlowContext<TDraft> ctx)
    {
        var choices = EditableSteps(ctx).Select(s => new Choice(s.Label, FieldPrefix + s.Key)).ToList();
        choices.Add(new Choice(StartsAtEditMenu ? "✅ Selesai, lihat ringkasan" : "↩ Kembali", BackData));
        return choices;
    }

    // ---- rendering ----

    private async Task<Reply> RenderAsync(FlowContext<TDraft> ctx, string state, int page)
    {
        var pageSize = ctx.Message.ChoicePageSize;
        switch (state)
        {
            case SummaryState:
                return new Reply($"{SummaryTitle(ctx)}\n{string.Join("\n", SummaryLines(ctx))}",
                    [new Choice("✅ Simpan", ConfirmData), new Choice("✏️ Ubah", EditData), new Choice("❌ Batal", CancelData)]);
            case EditMenuState:
                return new Reply(EditMenuText(ctx), ChoicePaging.Page(EditChoices(ctx), pageSize, page));
            default:
                var step = Steps.First(s => s.Key == state);
                var choices = step.Choices is null ? [] : await step.Choices(ctx);
                var prompt = step.Prompt(ctx);
                if (step.IsAnswered(ctx.Draft) && step.Display(ctx, ctx.Draft) is { } current)
                    prompt += $"\n(Sekarang: {current})";
                if (StartsAtEditMenu) prompt += "\nKetik kembali untuk memilih bagian lain.";
                var shown = ChoicePaging.Page(choices, pageSize, page);
                if (step.Skip is not null && !choices.Any(c => c.Data == SkipData)) shown = [.. shown, new Choice("Lewati", SkipData)];
                if (step.Group is not null && Steps.TakeWhile(s => s != step).LastOrDefault()?.Group != step.Group)
                    prompt += $"\nBisa sekaligus, urut: {string.Join(", ", Steps.SkipWhile(s => s != step).TakeWhile(s => s.Group == step.Group).Select(s => s.Label.ToLowerInvariant()))} (contoh: 0 0 2 40 120 30 100).";
                return new Reply(prompt, shown) { AcceptsText = step.NumericAnswer };
        }
    }

    /// <summary>"• Label: value", or "• Label: old → new" for what an update changes.</summary>
    protected IEnumerable<string> SummaryLines(FlowContext<TDraft> ctx)
    {
        var original = Original(ctx.Draft);
        foreach (var step in Steps.Where(s => s.When(ctx) && s.IsAnswered(ctx.Draft)))
        {
            if (step.Display(ctx, ctx.Draft) is not { } now) continue;
            var was = original is null ? null : step.Display(ctx, original);
            yield return was is not null && was != now ? $"• {step.Label}: {was} → {now}" : $"• {step.Label}: {now}";
        }
    }

    // ---- the draft in the conversation row ----

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private void Store(Conversation conversation, TDraft draft)
    {
        conversation.DataJson = JsonSerializer.Serialize(draft, Json);
        conversation.DraftVersion = Info.DraftVersion;
    }

    /// <summary>Null when the row was written by another shape of this flow (the engine then restarts it with a notice).</summary>
    private TDraft? Load(Conversation conversation)
    {
        if (conversation.DraftVersion != Info.DraftVersion) return null;
        try
        {
            return JsonSerializer.Deserialize<TDraft>(conversation.DataJson, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
