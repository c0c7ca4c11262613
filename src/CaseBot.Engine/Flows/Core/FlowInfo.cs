using CaseBot.Domain.Entities;

namespace CaseBot.Engine.Flows;

/// <summary>
/// What a flow says about itself: the engine's menu, command routing and access gate read this, never a list of names.
/// </summary>
public sealed record FlowInfo
{
    /// <summary>Stored in the conversation row ("bencana").</summary>
    public required string Name { get; init; }
    /// <summary>"laporan bencana": used in "Anda sedang mengisi ...".</summary>
    public required string Title { get; init; }
    /// <summary>The command that starts it, without the slash; null when only another flow or /ubah starts it.</summary>
    public string? Command { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>The line in /bantuan and the channel's command menu; null keeps it out of the menu.</summary>
    public string? MenuLine { get; init; }
    /// <summary>Roles that may start it (approved reporters only); null = every approved reporter.</summary>
    public IReadOnlySet<ReporterRole>? Roles { get; init; }
    /// <summary>False for registration: anyone may start it.</summary>
    public bool RequiresApprovedReporter { get; init; } = true;
    /// <summary>Bumped when the draft's shape changes: an older saved draft is restarted with a notice, never misread.</summary>
    public int DraftVersion { get; init; } = 1;
}
