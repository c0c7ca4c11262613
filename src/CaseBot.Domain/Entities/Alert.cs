namespace CaseBot.Domain.Entities;

/// <summary>Who an alert goes to: the approved Tagana, the TKSK, or both, of its area.</summary>
public enum AlertAudience { Tagana, Tksk, Keduanya }

public enum AlertAnswer { Siap, TidakBisa }

/// <summary>
/// A short message an officer sent to the volunteers of an area (/siaga). Each recipient is a row with their answer;
/// each delivery is an outbox row tagged with <see cref="Tag"/>, so the delivery report reads the outbox itself.
/// </summary>
public sealed class Alert : IVersioned
{
    public const string Prefix = "SG";
    public int Id { get; set; }
    public string Number => ReportNumber.Format(Prefix, CreatedAt.Year, Id);
    /// <summary>The outbox tag of this alert's deliveries.</summary>
    public string Tag => TagOf(Id);
    public static string TagOf(int id) => $"siaga:{id}";

    public int ByReporterId { get; set; }
    /// <summary>Where it went, as the officer chose it: "Kec. Kalukku (Mamuju)", "Kab. Mamuju", "Provinsi Sulawesi Barat".</summary>
    public required string Area { get; set; }
    public AlertAudience Audience { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the sender last got the tally unasked, and how many had answered then (it goes again only when
    /// more answered, at most every <c>TallyEveryMinutes</c>).</summary>
    public DateTimeOffset? TallySentAt { get; set; }
    public int TalliedAnswers { get; set; }
    /// <summary>When the final delivery report went to the officer (it goes once).</summary>
    public DateTimeOffset? FinalReportAt { get; set; }
    public int Version { get; set; }
    public List<AlertRecipient> Recipients { get; set; } = [];
}

/// <summary>One person an alert was sent to, on the chat account it went to, and what they answered.</summary>
public sealed class AlertRecipient
{
    public int Id { get; set; }
    public int AlertId { get; set; }
    public int ReporterId { get; set; }
    public required string Channel { get; set; }
    public required string ChatId { get; set; }
    /// <summary>When its message was stored for sending (the alert's time).</summary>
    public DateTimeOffset QueuedAt { get; set; }
    /// <summary>How its delivery ended, kept when the final report is written: sent outbox rows are pruned after some days.</summary>
    public OutboxState? Delivery { get; set; }
    public string? DeliveryError { get; set; }
    public AlertAnswer? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}
