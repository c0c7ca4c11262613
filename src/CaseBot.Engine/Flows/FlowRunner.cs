using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using Stateless;

namespace CaseBot.Engine.Flows;

/// <summary>What one message did to a flow: the reply, and when the flow was confirmed, the words to send after the commit.</summary>
public sealed record FlowTurn(Reply? Reply, Func<Reply>? AfterCommit = null)
{
    public bool Completed => AfterCommit is not null;
}

/// <summary>
/// Drives a <see cref="FlowDefinition"/> as a Stateless state machine whose state lives in the
/// <see cref="Conversation"/> row: each step is a state, then the summary (confirm / edit / cancel) and the edit menu.
/// </summary>
public sealed class FlowRunner
{
    public const string SummaryState = "#summary";
    public const string EditMenuState = "#edit";
    public const string ConfirmData = "#ok";
    public const string EditData = "#ubah";
    public const string CancelData = "#batal";
    public const string BackData = "#kembali";
    private const string FieldPrefix = "#f:";

    private enum Trigger { Answered, ShowEditMenu, EditField, BackToSummary }

    /// <summary>Starts the flow: the first applicable question (or the summary when everything is prefilled).</summary>
    public async Task<Reply> StartAsync(FlowDefinition flow, FlowContext ctx, Conversation conversation)
    {
        conversation.State = NextState(flow, ctx);
        return await RenderAsync(flow, ctx, conversation.State, 0);
    }

    /// <summary>Re-asks the current question, e.g. after a restart or an interruption.</summary>
    public Task<Reply> RepeatAsync(FlowDefinition flow, FlowContext ctx, Conversation conversation) =>
        RenderAsync(flow, ctx, conversation.State, 0);

    public async Task<FlowTurn> HandleAsync(FlowDefinition flow, FlowContext ctx, Conversation conversation)
    {
        var message = ctx.Message;
        if (ChoicePaging.TryGetPage(message.ButtonData, out var page))
            return new FlowTurn(await RenderAsync(flow, ctx, conversation.State, page));

        var machine = Build(flow, ctx, conversation, out var editField);
        return conversation.State switch
        {
            SummaryState => await OnSummaryAsync(flow, ctx, conversation, machine),
            EditMenuState => await OnEditMenuAsync(flow, ctx, conversation, machine, editField),
            _ => await OnStepAsync(flow, ctx, conversation, machine),
        };
    }

    private static StateMachine<string, Trigger> Build(FlowDefinition flow, FlowContext ctx, Conversation conversation,
        out StateMachine<string, Trigger>.TriggerWithParameters<string> editField)
    {
        var machine = new StateMachine<string, Trigger>(() => conversation.State, s => conversation.State = s);
        editField = machine.SetTriggerParameters<string>(Trigger.EditField);
        foreach (var step in flow.Steps)
            machine.Configure(step.Key).PermitDynamic(Trigger.Answered, () => NextState(flow, ctx));
        machine.Configure(SummaryState).Permit(Trigger.ShowEditMenu, EditMenuState);
        machine.Configure(EditMenuState)
            .PermitDynamic(editField, key => key)
            .Permit(Trigger.BackToSummary, SummaryState);
        return machine;
    }

    /// <summary>The first applicable question not answered yet; the summary when all are.</summary>
    private static string NextState(FlowDefinition flow, FlowContext ctx) =>
        flow.Steps.FirstOrDefault(s => s.When(ctx) && !ctx.Data.ContainsKey(s.Key))?.Key ?? SummaryState;

    private async Task<FlowTurn> OnStepAsync(FlowDefinition flow, FlowContext ctx, Conversation conversation,
        StateMachine<string, Trigger> machine)
    {
        var step = flow.Steps.FirstOrDefault(s => s.Key == conversation.State);
        if (step is null)
        {
            // A state from an older version of the flow: resume at the first open question.
            conversation.State = NextState(flow, ctx);
            return new FlowTurn(await RenderAsync(flow, ctx, conversation.State, 0));
        }

        string? answer;
        var choices = step.Choices is null ? [] : await step.Choices(ctx);
        var chosen = ChoiceResolver.Resolve(choices, ctx.Message.ButtonData, ctx.Message.Text, step.ChoicesOnly);
        if (chosen is not null) answer = chosen.Data;
        else if (step.ChoicesOnly || (ctx.Message.ButtonData is not null && ctx.Message.Text is null))
        {
            var why = ctx.Message.ButtonData is not null
                ? "Tombol itu sudah tidak berlaku untuk pertanyaan ini."
                : "Jawaban tidak ada di pilihan.";
            return new FlowTurn(await WithErrorAsync(flow, ctx, conversation, $"{why} Pilih salah satu tombol di bawah, atau ketik nomornya."));
        }
        else answer = ctx.Message.Text?.Trim() ?? "";

        var previous = ctx.Get(step.Key);
        var result = await step.Accept(ctx, answer);
        if (!result.Accepted)
            return new FlowTurn(await WithErrorAsync(flow, ctx, conversation, result.Error!));
        if (!ctx.Data.ContainsKey(step.Key)) ctx.Set(step.Key, answer);
        if (previous is not null && previous != ctx.Get(step.Key))
            foreach (var dependent in step.Clears) ctx.Data.Remove(dependent);

        machine.Fire(Trigger.Answered);
        return new FlowTurn(await RenderAsync(flow, ctx, conversation.State, 0));
    }

    private async Task<FlowTurn> OnSummaryAsync(FlowDefinition flow, FlowContext ctx, Conversation conversation,
        StateMachine<string, Trigger> machine)
    {
        var action = ctx.Message.ButtonData ?? Normalize(ctx.Message.Text) switch
        {
            "1" or "simpan" or "ya" or "ok" or "kirim" or "benar" => ConfirmData,
            "2" or "ubah" or "edit" or "perbaiki" => EditData,
            _ => null,
        };
        if (action == ConfirmData)
            return new FlowTurn(null, await flow.SaveAsync(ctx));
        if (action == EditData)
        {
            machine.Fire(Trigger.ShowEditMenu);
            return new FlowTurn(await RenderAsync(flow, ctx, conversation.State, 0));
        }
        return new FlowTurn(await WithErrorAsync(flow, ctx, conversation, "Pilih Simpan, Ubah, atau Batal."));
    }

    private async Task<FlowTurn> OnEditMenuAsync(FlowDefinition flow, FlowContext ctx, Conversation conversation,
        StateMachine<string, Trigger> machine, StateMachine<string, Trigger>.TriggerWithParameters<string> editField)
    {
        var choices = EditChoices(flow, ctx);
        var chosen = ChoiceResolver.Resolve(choices, ctx.Message.ButtonData, ctx.Message.Text);
        if (chosen is null)
            return new FlowTurn(await WithErrorAsync(flow, ctx, conversation, "Pilih bagian yang ingin diubah, atau Kembali."));
        if (chosen.Data == BackData) machine.Fire(Trigger.BackToSummary);
        else machine.Fire(editField, chosen.Data[FieldPrefix.Length..]);
        return new FlowTurn(await RenderAsync(flow, ctx, conversation.State, 0));
    }

    private static List<Choice> EditChoices(FlowDefinition flow, FlowContext ctx)
    {
        var choices = flow.Steps.Where(s => s.Editable && s.When(ctx) && ctx.Data.ContainsKey(s.Key))
            .Select(s => new Choice(s.Label, FieldPrefix + s.Key)).ToList();
        choices.Add(new Choice("↩ Kembali", BackData));
        return choices;
    }

    private async Task<Reply> WithErrorAsync(FlowDefinition flow, FlowContext ctx, Conversation conversation, string error)
    {
        var again = await RenderAsync(flow, ctx, conversation.State, 0);
        return again with { Text = $"⚠️ {error}\n\n{again.Text}" };
    }

    private static async Task<Reply> RenderAsync(FlowDefinition flow, FlowContext ctx, string state, int page)
    {
        var pageSize = ctx.Message.ChoicePageSize;
        switch (state)
        {
            case SummaryState:
                var lines = flow.Steps.Where(s => s.When(ctx) && ctx.Data.ContainsKey(s.Key))
                    .Select(s => (s.Label, Value: s.Display(ctx))).Where(l => l.Value is not null)
                    .Select(l => $"• {l.Label}: {l.Value}");
                return new Reply($"{flow.SummaryTitle(ctx)}\n{string.Join("\n", lines)}",
                    [new Choice("✅ Simpan", ConfirmData), new Choice("✏️ Ubah", EditData), new Choice("❌ Batal", CancelData)]);
            case EditMenuState:
                return new Reply("Bagian mana yang ingin diubah?", ChoicePaging.Page(EditChoices(flow, ctx), pageSize, page));
            default:
                var step = flow.Steps.First(s => s.Key == state);
                var choices = step.Choices is null ? [] : await step.Choices(ctx);
                var prompt = step.Prompt(ctx);
                if (ctx.Get(step.Key) is not null && step.Display(ctx) is { } current)
                    prompt += $"\n(Sekarang: {current})";
                return new Reply(prompt, ChoicePaging.Page(choices, pageSize, page)) { AcceptsText = !step.ChoicesOnly };
        }
    }

    private static string Normalize(string? text) => (text ?? "").Trim().ToLowerInvariant();
}
