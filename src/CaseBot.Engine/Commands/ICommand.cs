using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>Who may run a command (and sees it in /bantuan).</summary>
public enum CommandAccess { Anyone, Reporter, Officer, Admin }

/// <summary>A one-shot command such as /laporanku or /capaian. Flows are started by the engine, not by commands.</summary>
public interface ICommand
{
    /// <summary>Without the slash: "laporanku".</summary>
    string Name { get; }
    /// <summary>One Indonesian line for /bantuan and the channel's command menu.</summary>
    string Description { get; }
    CommandAccess Access { get; }
    /// <summary>Whether it may answer in a group chat (never anything with personal data).</summary>
    bool AllowedInGroups => false;

    /// <summary>Whether /bantuan offers it to this user (beyond <see cref="Access"/>: e.g. only configured verifiers).</summary>
    bool Offered(CommandContext ctx) => true;

    Task<Reply> ExecuteAsync(CommandContext ctx, string argument);
}
