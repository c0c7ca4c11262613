using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
using CaseBot.Storage.Jobs;

namespace CaseBot.Host;

/// <summary>
/// At start-up, every user left in the middle of a flow gets their pending question again through their channel's outbox.
/// Where several instances share the database, each conversation state is claimed once, so it is sent once.
/// </summary>
public sealed class PendingQuestionsOnStart(ConversationEngine engine, OutboundMessages outbound, IJobLock jobs,
    ILogger<PendingQuestionsOnStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The terminal shows its own at start, before its first prompt.
        foreach (var channel in outbound.Channels.Where(c => c != CaseBot.Channels.Terminal.TerminalChannel.ChannelName))
        {
            try
            {
                foreach (var (conversation, message) in await engine.PendingQuestionsAsync(channel, stoppingToken))
                    if (await jobs.TryClaimAsync($"lanjut:{conversation.UserKey}", conversation.UpdatedAt, stoppingToken))
                        await engine.QueueAsync([message], stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not resend pending questions on {Channel}; users see them when they write", channel);
            }
        }
    }
}
