using System.Text.Json;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace CaseBot.Engine.Flows;

/// <summary>The flow's Stateless machine and what each trigger does.</summary>
public abstract partial class Flow<TDraft>
{
    private enum Trigger { Answer, Skip, Back, Confirm, Edit, Choose, Cancel }

    /// <summary>What the confirm guard found: a broken rule, or newer figures merged in.</summary>
    private sealed class ConfirmOutcome
    {
        public string? Problem;
        public string? Notice;
    }

    /// <param name="only">The state a message fires its trigger from: only it is configured (Stateless reflects on every
    /// guard it is given, and a machine lives for one message); null configures all of them, for the graph.</param>
    private StateMachine<string, Trigger> Build(Func<string> read, Action<string> write, FlowContext<TDraft> ctx,
        ConfirmOutcome outcome, out StateMachine<string, Trigger>.TriggerWithParameters<string> choose, string? only = null)
    {
        var machine = new StateMachine<string, Trigger>(read, write);
        choose = machine.SetTriggerParameters<string>(Trigger.Choose);
        bool Wanted(string state) => only is null || only == state;
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            if (!Wanted(step.Key)) continue;
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
        if (Wanted(SummaryState))
        {
            var confirmTargets = Destinations(Invariants.Select(v => v.StepKey).OfType<string>().Distinct()
                .Append(SummaryState).Append(SavedState), "rules");
            machine.Configure(SummaryState)
                .PermitDynamicAsync(Trigger.Confirm, () => ConfirmAsync(ctx, outcome),
                    "rules hold: saved; a rule broken: its question; changed meanwhile: summary", confirmTargets)
                .Permit(Trigger.Edit, EditMenuState)
                .PermitDynamic(Trigger.Back, () => LastOpen(ctx), "last question", Destinations(Steps.TakeLast(1).Select(s => s.Key), "last"))
                .Permit(Trigger.Cancel, CancelledState);
        }
        if (Wanted(SavedState)) machine.Configure(SavedState);
        if (Wanted(EditMenuState))
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
                    // A slip of the thumb ("simpen", "ubha") is forgiven here as at every other question.
                    var typed => FuzzyMatcher.Best(typed, ["simpan", "ubah", "perbaiki"])?.Value switch
                    {
                        "simpan" => ConfirmData,
                        "ubah" or "perbaiki" => EditData,
                        _ => null,
                    },
                };
                if (action == EditData)
                {
                    await machine.FireAsync(Trigger.Edit);
                    return await Continue(ctx, conversation);
                }
                if (action != ConfirmData) return await Continue(ctx, conversation, $"Pilih {ConfirmLabel.Split(' ')[^1]}, Ubah, atau Batal.");
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
            var chosen = ChoiceResolver.Resolve(choices, message.ButtonData, message.Text, step.ChoicesOnly, numbers: !step.NumericAnswer)
                         ?? Synonym(ctx, step, choices, message);
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
                // The numbers before a refused one stand: go on to the first question still open (the refused one).
                await machine.FireAsync(Trigger.Answer);
                return await Continue(ctx, conversation, grouped.Error);
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

    /// <summary>The choice a field word names ("lk", "lutim", "beras"), when the step has such words.</summary>
    private static Choice? Synonym(FlowContext<TDraft> ctx, Step<TDraft> step, IReadOnlyList<Choice> choices, IncomingMessage message)
    {
        if (step.Synonyms is null || message.ButtonData is not null || string.IsNullOrWhiteSpace(message.Text)) return null;
        var words = step.Synonyms(ctx);
        var typed = InputParsers.Normalize(message.Text);
        return words.TryGetValue(typed, out var data) || words.TryGetValue(message.Text.Trim().ToLowerInvariant(), out data)
            ? choices.FirstOrDefault(c => c.Data == data)
            : null;
    }

    /// <summary>Several numbers typed at the first of a group of count questions answer it and the ones after it, in
    /// order; null when the text is a single answer. Stops at the first refused number, which is asked next.</summary>
    private async Task<StepResult?> AnswerGroupAsync(FlowContext<TDraft> ctx, Step<TDraft> first, string text)
    {
        // "1,5" is one (bad) number with a decimal comma; "0, 0, 2" and "0 0 2" are three.
        var parts = text.Replace(", ", " ").Split([' ', ';', '/', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts.All(p => InputParsers.TryParseCountWords(p, ctx.Reference.Vocabulary, out _))) return null;
        var group = Steps.SkipWhile(s => s != first).TakeWhile(s => s.Group == first.Group).Where(s => s.When(ctx)).ToList();
        if (parts.Length > group.Count)
            return StepResult.Invalid($"Terlalu banyak angka: ada {group.Count} pertanyaan jumlah mulai dari ini ({string.Join(", ", group.Select(s => s.Label))}).");
        for (var i = 0; i < parts.Length; i++)
        {
            var result = await group[i].Accept(ctx, parts[i]);
            if (result.Accepted) continue;
            group[i].Clear(ctx.Draft);
            return StepResult.Invalid(result.Error!.StartsWith(group[i].Label, StringComparison.Ordinal) ? result.Error : $"{group[i].Label}: {result.Error}");
        }
        return StepResult.Ok;
    }

    private async Task<FlowTurn> Continue(FlowContext<TDraft> ctx, Conversation conversation, string? problem = null, string? notice = null)
    {
        var reply = await RenderAsync(ctx, conversation.State, 0);
        var prefix = (problem is null ? "" : $"⚠️ {problem}\n\n") + (notice is null ? "" : $"{notice}\n\n");
        return new FlowTurn(prefix.Length == 0 ? reply : reply with { Text = prefix + reply.Text });
    }
}
