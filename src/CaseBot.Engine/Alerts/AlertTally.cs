using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;

namespace CaseBot.Engine.Alerts;

/// <summary>
/// Where an alert stands: delivery read from its tagged outbox rows (sent, waiting, failed with the channel's reason)
/// and the answers from its recipients. The same figures serve the live tally and the final delivery report.
/// </summary>
public sealed class AlertTally
{
    private const int NamesShown = 30;

    public required Alert Alert { get; init; }
    public required IReadOnlyList<Line> Lines { get; init; }

    public sealed record Line(AlertRecipient Recipient, string Name, OutboxState? Delivery, string? Error);

    public int Sent => Lines.Count(l => l.Delivery == OutboxState.Sent);
    public int Waiting => Lines.Count(l => l.Delivery is null or OutboxState.Pending);
    public IEnumerable<Line> Failed => Lines.Where(l => l.Delivery == OutboxState.Failed);
    public IEnumerable<Line> Answered(AlertAnswer answer) => Lines.Where(l => l.Recipient.Answer == answer);
    public int Unanswered => Lines.Count(l => l.Recipient.Answer is null);

    /// <summary>Every message is out (sent or failed for good).</summary>
    public bool Delivered => Waiting == 0;

    /// <summary>Keeps each recipient's delivery on its row (with the final report), for when the outbox rows are pruned.</summary>
    public void Record()
    {
        foreach (var line in Lines)
            (line.Recipient.Delivery, line.Recipient.DeliveryError) = (line.Delivery, line.Error is { Length: > 300 } e ? e[..300] : line.Error);
    }

    public static async Task<AlertTally> ReadAsync(ICaseStore store, Alert alert)
    {
        var recipients = await store.ListAsync<AlertRecipient>(r => r.AlertId == alert.Id, r => r.QueuedAt, int.MaxValue);
        var tag = alert.Tag;
        var rows = (await store.ListAsync<OutboxMessage>(m => m.Tag == tag, m => m.CreatedAt, int.MaxValue))
            .GroupBy(m => (m.Channel, m.ChatId)).ToDictionary(g => g.Key, g => g.First());
        // The recipients' own names only (not every reporter's): the follow-up check reads this every minute.
        var ids = recipients.Select(r => r.ReporterId).ToList();
        var names = (await store.ListAsync<Reporter>(r => ids.Contains(r.Id), r => r.RegisteredAt, ids.Count)).ToDictionary(r => r.Id, r => r.Name);
        return new AlertTally
        {
            Alert = alert,
            Lines = recipients.OrderBy(r => names.GetValueOrDefault(r.ReporterId) ?? "").Select(r =>
            {
                // The outbox row while it is kept; after it was pruned, what the final report recorded.
                var row = rows.GetValueOrDefault((r.Channel, r.ChatId));
                return new Line(r, names.GetValueOrDefault(r.ReporterId) ?? $"#{r.ReporterId}", row?.State ?? r.Delivery, row?.Error ?? r.DeliveryError);
            }).ToList(),
        };
    }

    /// <summary>The officer's view; <paramref name="final"/> adds who could not be reached and why.</summary>
    public string Text(TimeZoneInfo zone, DateTimeOffset now, bool final)
    {
        var sentAt = TimeZoneInfo.ConvertTime(Alert.CreatedAt, zone);
        var lines = new List<string>
        {
            $"{(final ? "📋 Laporan pengiriman" : "📊 Hasil")} siaga {Alert.Number}, {Alert.Area}",
            $"Dikirim {IndonesianFormat.DateTime(sentAt)} ({IndonesianFormat.Relative(Alert.CreatedAt, now)}) ke {IndonesianFormat.Number(Lines.Count)} orang.",
            $"📨 Terkirim {IndonesianFormat.Number(Sent)} · ⏳ Menunggu {IndonesianFormat.Number(Waiting)} · ⚠️ Gagal {IndonesianFormat.Number(Failed.Count())}",
            $"✅ Siap {IndonesianFormat.Number(Answered(AlertAnswer.Siap).Count())} · ❌ Tidak bisa {IndonesianFormat.Number(Answered(AlertAnswer.TidakBisa).Count())} · 💬 Belum menjawab {IndonesianFormat.Number(Unanswered)}",
        };
        AddNames(lines, "✅ Siap", Answered(AlertAnswer.Siap).Select(l => l.Name).ToList());
        AddNames(lines, "❌ Tidak bisa", Answered(AlertAnswer.TidakBisa).Select(l => l.Name).ToList());
        var failed = Failed.ToList();
        if (failed.Count > 0)
        {
            lines.Add("");
            lines.Add("⚠️ Gagal terkirim (hubungi lewat telepon):");
            lines.AddRange(failed.Take(NamesShown).Select(l => $"• {l.Name} ({AlertRecipients.ChannelName(l.Recipient.Channel)}): {l.Error ?? "ditolak"}"));
            if (failed.Count > NamesShown) lines.Add($"… dan {failed.Count - NamesShown} lainnya.");
        }
        if (final) AddNames(lines, "💬 Belum menjawab", Lines.Where(l => l.Recipient.Answer is null && l.Delivery == OutboxState.Sent).Select(l => l.Name).ToList());
        return string.Join("\n", lines);
    }

    private static void AddNames(List<string> lines, string title, IReadOnlyList<string> names)
    {
        if (names.Count == 0) return;
        lines.Add("");
        lines.Add($"{title}: {string.Join(", ", names.Take(NamesShown))}{(names.Count > NamesShown ? $" dan {names.Count - NamesShown} lainnya" : "")}.");
    }
}
