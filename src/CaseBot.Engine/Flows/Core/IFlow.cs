using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>A conversation flow as the engine sees it: it declares itself and drives its own state machine.</summary>
public interface IFlow
{
    FlowInfo Info { get; }

    /// <summary>The kind of report this flow creates, if any.</summary>
    ReportKind? Report { get; }

    /// <summary>Why this user may not start it now (registration: already registered), beyond the role gate; null to allow.</summary>
    string? StartRefusal(FlowSession session) => null;

    /// <summary>Starts the flow in a new conversation row, prefilled from <paramref name="argument"/> (e.g. a report
    /// number) and from <paramref name="answers"/>: answers by question key, each accepted only if that question would
    /// accept it (so "banjir di wotu" can fill the kind and kecamatan, and a wrong guess is simply asked).</summary>
    Task<FlowTurn> StartAsync(FlowSession session, Conversation conversation, string? argument,
        IReadOnlyDictionary<string, string>? answers = null);

    /// <summary>One message in the middle of the flow: an answer, a button, kembali/lewati/batal, a photo or location.</summary>
    Task<FlowTurn> HandleAsync(FlowSession session, Conversation conversation);

    /// <summary>The pending question again (after an interruption or a restart).</summary>
    Task<FlowTurn> RepeatAsync(FlowSession session, Conversation conversation);

    /// <summary>The flow's graph in Graphviz DOT (Stateless's export), kept in docs/flows/.</summary>
    string DotGraph();
}

public enum FlowEnd
{
    /// <summary>The conversation goes on; its row is saved.</summary>
    Continues,
    /// <summary>The report was saved: the conversation ends and <see cref="FlowTurn.AfterCommit"/> words the confirmation.</summary>
    Saved,
    Cancelled,
    /// <summary>Could not start (not found, not allowed): nothing to keep.</summary>
    Refused,
    /// <summary>The saved draft is from an older shape of the flow and cannot be read.</summary>
    Stale,
    /// <summary>The flow handed over to another (e.g. /bencana → update of an existing event).</summary>
    HandedOver,
}

/// <summary>What one message did to a flow.</summary>
public sealed record FlowTurn(Reply? Reply, FlowEnd End = FlowEnd.Continues)
{
    /// <summary>For <see cref="FlowEnd.Saved"/>: runs after the commit, when database ids (report numbers) exist.</summary>
    public Func<Reply>? AfterCommit { get; init; }
    /// <summary>For <see cref="FlowEnd.HandedOver"/>: the flow to start and its argument.</summary>
    public (string Flow, string Argument)? Handoff { get; init; }
}
