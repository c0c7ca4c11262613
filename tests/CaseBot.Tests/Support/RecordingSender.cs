using CaseBot.Engine.Messages;

namespace CaseBot.Tests.Support;

/// <summary>The test channel's outbound side: records what the bot sends on its own, and can be told to fail.</summary>
public sealed class RecordingSender : IChannelSender
{
    private readonly List<OutgoingMessage> _sent = [];
    public string Channel => BotHarness.Channel;
    public int FailuresToSimulate { get; set; }

    public IReadOnlyList<OutgoingMessage> Sent
    {
        get { lock (_sent) return _sent.ToList(); }
    }

    public Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (FailuresToSimulate > 0)
        {
            FailuresToSimulate--;
            throw new HttpRequestException("simulated network failure");
        }
        lock (_sent) _sent.Add(message);
        return Task.CompletedTask;
    }
}
