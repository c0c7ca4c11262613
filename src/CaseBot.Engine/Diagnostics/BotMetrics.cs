using System.Diagnostics.Metrics;

namespace CaseBot.Engine.Diagnostics;

/// <summary>
/// What an IT officer watches (exported by the host through OpenTelemetry, scraped by Prometheus at /metrics).
/// Tags are channels, flow names and outcomes only: never a user, a chat or a text.
/// </summary>
public static class BotMetrics
{
    public const string MeterName = "CaseBot";
    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> MessagesIn = Meter.CreateCounter<long>("casebot.messages.in", description: "Messages received, by channel");
    private static readonly Counter<long> RepliesOut = Meter.CreateCounter<long>("casebot.replies.out", description: "Messages delivered, by channel");
    private static readonly Counter<long> DeliveryFailures = Meter.CreateCounter<long>("casebot.delivery.failures", description: "Messages a channel refused for good, by channel");
    private static readonly Counter<long> Errors = Meter.CreateCounter<long>("casebot.errors", description: "Messages whose handling failed (the user got an apology)");
    private static readonly Counter<long> Flows = Meter.CreateCounter<long>("casebot.flows", description: "Flows ended, by flow and outcome (saved, cancelled)");
    private static readonly Histogram<double> OutboxWait = Meter.CreateHistogram<double>("casebot.outbox.wait", unit: "s", description: "Time from a message being stored to its delivery");
    private static readonly Histogram<double> CapaianTime = Meter.CreateHistogram<double>("casebot.capaian.duration", unit: "ms", description: "Time to answer a capaian question");

    public static void MessageIn(string channel) => MessagesIn.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public static void Delivered(string channel, TimeSpan waited)
    {
        RepliesOut.Add(1, new KeyValuePair<string, object?>("channel", channel));
        OutboxWait.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("channel", channel));
    }

    public static void NotDeliverable(string channel) => DeliveryFailures.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public static void Error() => Errors.Add(1);

    public static void FlowEnded(string flow, string outcome) =>
        Flows.Add(1, new KeyValuePair<string, object?>("flow", flow), new KeyValuePair<string, object?>("outcome", outcome));

    public static void CapaianAnswered(TimeSpan took) => CapaianTime.Record(took.TotalMilliseconds);
}
