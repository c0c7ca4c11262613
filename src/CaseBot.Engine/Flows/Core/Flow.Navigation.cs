using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>Kembali, lewati, batal, and which question comes next.</summary>
public abstract partial class Flow<TDraft>
{
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
}
