using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>How a question, the summary and the edit menu read.</summary>
public abstract partial class Flow<TDraft>
{
    private async Task<Reply> RenderAsync(FlowContext<TDraft> ctx, string state, int page)
    {
        var pageSize = ctx.Message.ChoicePageSize;
        switch (state)
        {
            case SummaryState:
                return new Reply($"{await SummaryTitleAsync(ctx)}\n{string.Join("\n", SummaryLines(ctx))}",
                    [new Choice(ConfirmLabel, ConfirmData), new Choice("✏️ Ubah", EditData), new Choice("❌ Batal", CancelData)]);
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
}
