using CaseBot.Domain.Entities;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Verification;

namespace CaseBot.Engine.Flows;

/// <summary>
/// /bukakembali BC-…: an officer of the event's area (or an admin) undoes a close made by mistake (a thumb on the
/// reminder's button). Audited; the event's reporter is told. Volunteers cannot, so a close is not flipped back and forth.
/// </summary>
public sealed class ReopenEventCommand : ICommand
{
    public const string CommandName = "bukakembali";

    public string Name => CommandName;
    public string Description => "Buka kembali kejadian yang keliru ditutup: /bukakembali <nomor>";
    public CommandAccess Access => CommandAccess.Officer;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var number = argument.Trim();
        var by = ctx.Reporter;
        if (by is null) return "Daftarkan diri Anda dulu dengan /daftar.";
        if (number.Length == 0) return $"Ketik /{CommandName} lalu nomor kejadiannya, contoh: /{CommandName} BC-{ctx.Today.Year}-0001.";
        if (await DisasterReports.FindEventAsync(ctx.Store, number) is not { } e
            || !(by.IsAdmin || by.Role == ReporterRole.Petugas && ReportAccess.CanClose(by, e)))
            return $"Kejadian {number.ToUpperInvariant()} tidak ditemukan atau di luar wilayah Anda.";
        if (!e.Closed) return $"{e.Number} masih terbuka; tidak ada yang perlu dibuka.";

        e.Closed = false;
        e.ClosedAt = null;
        e.ClosedByReporterId = null;
        ctx.Store.AddAudit(new AuditEntry
        {
            Subject = e.Number, Field = "ditutup", OldValue = "ditutup", NewValue = "terbuka", ByReporterId = by.Id, At = ctx.Now,
        });
        var title = RecentEvents.Title(ctx.Session, e);
        if (e.ReporterId != by.Id)
            await ReportNotices.ToReporterAsync(ctx.Session, e.ReporterId, $"🔓 {title} dibuka kembali oleh {by.Name}; angkanya bisa diperbarui lagi.");
        return $"🔓 {title} dibuka kembali: muncul lagi di daftar kejadian terbuka dan bisa diperbarui.";
    }
}
