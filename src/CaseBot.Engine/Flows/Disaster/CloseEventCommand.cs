using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Verification;

namespace CaseBot.Engine.Flows;

/// <summary>
/// /tutup BC-…: the end of an event's tanggap darurat, by its reporter or an officer of its area, confirmed with a
/// button. A closed event leaves the pickers and the open lists, and its figures are no longer changed.
/// </summary>
public sealed class CloseEventCommand : ICommand
{
    public const string CommandName = "tutup";
    private const string Yes = "ya";
    private const string No = "batal";

    public string Name => CommandName;
    public string Description => "Tutup kejadian bencana (tanggap darurat selesai): /tutup <nomor>";
    public CommandAccess Access => CommandAccess.Reporter;

    /// <summary>The button that asks to close <paramref name="e"/> (the confirmation follows).</summary>
    public static Choice Button(DisasterEvent e) => new("✅ Tanggap darurat selesai", $"/{CommandName} {e.Number}");

    /// <summary>Without a number: the open events this user may close, as buttons (one thumb, no number to look up).</summary>
    private static async Task<Reply> PickAsync(CommandContext ctx)
    {
        var closable = (await RecentEvents.InAreaAsync(ctx.Session)).Where(e => ReportAccess.CanClose(ctx.Reporter!, e)).Take(10).ToList();
        return closable.Count == 0
            ? "Tidak ada kejadian terbuka yang bisa Anda tutup. (Yang bisa menutup: pelapornya, atau petugas dinas wilayahnya.)"
            : new Reply("Kejadian mana yang tanggap daruratnya sudah selesai?",
                closable.Select(e => new Choice(RecentEvents.Title(ctx.Session, e), $"/{CommandName} {e.Number}")).ToList());
    }

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return await PickAsync(ctx);
        // The same answer whether the number does not exist or is not the user's to close: no probing.
        if (await DisasterReports.FindEventAsync(ctx.Store, words[0]) is not { } e || !ReportAccess.CanClose(ctx.Reporter!, e))
            return $"Kejadian {words[0].ToUpperInvariant()} tidak ditemukan atau bukan wewenang Anda untuk menutupnya. " +
                   "Yang bisa menutup: pelapornya, atau petugas dinas wilayahnya.";
        if (e.Closed) return EventClosing.AlreadyClosed(ctx.Reference, e);

        var title = RecentEvents.Title(ctx.Session, e);
        switch (words.ElementAtOrDefault(1)?.ToLowerInvariant())
        {
            case No:
                return $"Baik, {e.Number} tetap terbuka.";
            case Yes:
                break;
            default:
                return new Reply($"Tutup {title}?\nMasa tanggap darurat selesai: kejadian ini tidak muncul lagi di daftar kejadian terbuka " +
                                 "dan angkanya tidak bisa diubah lagi.",
                    [new Choice("✅ Ya, tutup", $"/{CommandName} {e.Number} {Yes}"), new Choice("❌ Batal", $"/{CommandName} {e.Number} {No}")]);
        }

        var by = ctx.Reporter!;
        e.Closed = true;
        e.ClosedAt = ctx.Now;
        e.ClosedByReporterId = by.Id;
        ctx.Store.AddAudit(new AuditEntry
        {
            Subject = e.Number, Field = "ditutup", OldValue = "terbuka", NewValue = "ditutup", ByReporterId = by.Id, At = ctx.Now,
        });
        if (e.ReporterId != by.Id)
            await ReportNotices.ToReporterAsync(ctx.Session, e.ReporterId, $"🔒 {title} ditutup oleh {by.Name}: tanggap darurat selesai.");
        return $"🔒 {e.Number} ditutup. Terima kasih atas laporan Anda selama tanggap darurat 🙏\n" +
               "Kejadian ini tidak muncul lagi di daftar kejadian terbuka.";
    }
}

/// <summary>What closed events answer to those who would still change them.</summary>
public static class EventClosing
{
    /// <summary>The day it was closed is the region's (a close at 06:00 WITA is not the day before, as in UTC).</summary>
    public static string AlreadyClosed(Conversations.ReferenceData reference, DisasterEvent e) =>
        $"🔒 {e.Number} sudah ditutup{(e.ClosedAt is { } at ? $" pada {IndonesianFormat.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, reference.TimeZoneOf(e.Kabupaten)).DateTime))}" : "")} " +
        "(tanggap darurat selesai), jadi angkanya tidak bisa diubah lagi.\n" +
        "Ada kejadian baru? Laporkan dengan /bencana. Bila penutupan ini keliru, petugas dinas bisa membukanya kembali (/bukakembali).";
}
