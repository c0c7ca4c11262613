using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>A report flow: its questions in order, its summary and what confirming saves.</summary>
public abstract class FlowDefinition
{
    /// <summary>Stored in the conversation row; also the command that starts it ("bencana").</summary>
    public abstract string Name { get; }
    /// <summary>"laporan bencana": used in "Anda sedang mengisi ...".</summary>
    public abstract string Title { get; }
    public abstract IReadOnlyList<Step> Steps { get; }

    /// <summary>Whether the user may start it; null to allow, or the Indonesian reason.</summary>
    public virtual string? Refusal(FlowContext ctx) => AccessMessages.NotAllowedToReport(ctx.Reporter);

    /// <summary>Called once when the flow starts (prefill from an argument such as a report number).</summary>
    public virtual Task<string?> StartAsync(FlowContext ctx, string? argument) => Task.FromResult<string?>(null);

    /// <summary>The heading of the summary screen.</summary>
    public virtual string SummaryTitle(FlowContext ctx) => $"Periksa {Title} Anda:";

    /// <summary>Saves the result through ctx.Store (not committed yet) and returns a completion callback
    /// that runs after the commit, when database ids exist, to word the confirmation.</summary>
    public abstract Task<Func<Reply>> SaveAsync(FlowContext ctx);
}
