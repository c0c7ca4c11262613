using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>
/// Answers plain text sent outside a flow (e.g. "capaian ppks triwulan 2"). The engine asks each handler in turn and
/// falls back to the help menu when none claims the text.
/// </summary>
public interface IFreeTextHandler
{
    /// <summary>A reply, or null when the text is not for this handler.</summary>
    Task<Reply?> TryAnswerAsync(CommandContext ctx, string text);
}
