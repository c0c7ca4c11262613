using System.Text;
using CaseBot.Domain.Text;

namespace CaseBot.Reporting.Summary;

/// <summary>The summary as a phone-sized Indonesian message.</summary>
public static class DailySummaryText
{
    private const int MaxSilentListed = 8;

    public static string Format(DailySummaryData d, IReadOnlyList<CapaianLine> capaian, DateTimeOffset now, bool late)
    {
        var text = new StringBuilder();
        text.AppendLine($"📋 Ringkasan harian {d.Area}, {IndonesianFormat.Date(d.Day)}" + (late ? " (terlambat dikirim)" : ""));
        text.AppendLine($"Laporan baru: {N(d.NewDisasterReports)} bencana, {N(d.NewAid)} logistik, {N(d.NewCases)} PPKS." +
                        (d.NewDisasterUpdates > 0 ? $" Pembaruan bencana: {N(d.NewDisasterUpdates)}." : ""));

        text.AppendLine();
        if (d.OpenEvents.Count == 0) text.AppendLine("🌊 Tidak ada kejadian bencana terbuka.");
        else
        {
            text.AppendLine("🌊 Kejadian terbuka:");
            foreach (var e in d.OpenEvents)
                text.AppendLine($"• {e.Number} {e.Kind}, {e.Desa} ({e.Kecamatan}): {N(e.Korban)} korban, {N(e.Mengungsi)} mengungsi, " +
                                $"{N(e.Tertangani)} tertangani; diperbarui {IndonesianFormat.Relative(e.UpdatedAt, now)}");
        }

        if (d.AidByItem.Count > 0)
        {
            text.AppendLine("📦 Logistik disalurkan:");
            foreach (var a in d.AidByItem)
                text.AppendLine($"• {a.Item}: {IndonesianFormat.Number(a.Quantity)} {a.Unit} untuk {N(a.Recipients)} {a.RecipientUnit}");
        }

        text.AppendLine($"🧑‍🤝‍🧑 PPKS: {N(d.NewCases)} baru, {N(d.CasesHandled)} ditangani.");

        if (capaian.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"🎯 Capaian {d.Day.Year} (terverifikasi):");
            foreach (var c in capaian)
                text.AppendLine((c.Capaian is { } value
                    ? $"• {c.Indicator}: {IndonesianFormat.Percent(value)} ({c.Band})"
                    : $"• {c.Indicator}: {c.Band ?? "belum ada data"}") +
                    (c.Unverified > 0 ? $"; ⏳ {(c.Provisional is { } p ? IndonesianFormat.Percent(p) + " " : "")}termasuk {N(c.Unverified)} laporan belum diverifikasi" : ""));
        }

        if (d.Silent.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"📵 Belum melapor ({N(d.Silent.Count)} kecamatan):");
            text.AppendLine(string.Join(", ", d.Silent.Take(MaxSilentListed).Select(s =>
                s.LastReport is { } at ? $"{s.Name} ({IndonesianFormat.Relative(at, now)})" : s.Name)) +
                (d.Silent.Count > MaxSilentListed ? $", dan {N(d.Silent.Count - MaxSilentListed)} lainnya" : ""));
        }
        return text.ToString().TrimEnd();
    }

    private static string N(long n) => IndonesianFormat.Number(n);
}
