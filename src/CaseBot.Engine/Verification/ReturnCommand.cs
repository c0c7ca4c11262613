using CaseBot.Domain.Entities;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Verification;

/// <summary>
/// /kembalikan &lt;nomor&gt; v&lt;versi&gt; &lt;alasan&gt;: returns a waiting report to its reporter with the reason;
/// they get it with a button to correct it (or, for a hand-out that cannot be changed, to report it again).
/// Without a reason the configured reasons are offered as buttons.
/// </summary>
public sealed class ReturnCommand(ReportKinds kinds) : ICommand
{
    public const string CommandName = "kembalikan";
    private const int MaxReason = 300;

    public string Name => CommandName;
    public string Description => "Kembalikan laporan ke pelapor untuk diperbaiki: /kembalikan <nomor> <alasan>";
    public CommandAccess Access => CommandAccess.Reporter;
    public bool Offered(CommandContext ctx) => VerificationRules.IsVerifier(ctx.Reporter, ctx.IsAdmin, ctx.Reference.Options.Verification);

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        if (!Offered(ctx)) return VerificationRules.NotAVerifier;
        var (found, answer) = await VerifiedReport.FindAsync(ctx, kinds, argument,
            $"Ketik /{CommandName} <nomor> <alasan>, contoh: /{CommandName} {kinds.Example(ctx.Today.Year).Split(", ")[0]} angka pengungsi belum sesuai data posko.");
        if (found is null) return answer!;
        var report = found.Report;
        if (VerifiedReport.NotWaiting(report) is { } notWaiting) return new Reply(notWaiting, [VerifiedReport.NextButton]);
        if (found.SeenVersion is { } seen && seen != report.Version) return VerifiedReport.Show(report, seen, ctx.Now);

        var reasons = ctx.Reference.Options.Verification.Reasons;
        var reason = found.Rest is [['#', .. var digits]] && int.TryParse(digits, out var k) && k >= 1 && k <= reasons.Count
            ? reasons[k - 1]
            : string.Join(' ', found.Rest).Trim();
        if (reason.Length == 0)
            return new Reply($"Mengapa {report.Number} dikembalikan? Pilih alasannya, atau ketik: /{CommandName} {report.Number} v{report.Version} <alasan>",
                reasons.Select((r, i) => new Choice(r, $"/{CommandName} {report.Number} v{report.Version} #{i + 1}")).ToList());
        if (found.SeenVersion is null) return VerifiedReport.Show(report, null, ctx.Now) with
        {
            Text = $"Periksa dulu laporannya, lalu tekan Kembalikan:\n\n{VerifiedReport.Show(report, null, ctx.Now).Text}",
        };
        if (reason.Length > MaxReason) reason = reason[..MaxReason];
        reason = Domain.Text.Nik.MaskIn(reason); // the reporter and the audit need no NIK in a reason

        report.Verification.State = VerificationState.Returned;
        report.Verification.ByReporterId = ctx.Reporter?.Id;
        report.Verification.At = ctx.Now;
        report.Verification.Reason = reason;
        ctx.Store.AddAudit(new AuditEntry
        {
            Subject = report.Number, Field = "verifikasi", OldValue = nameof(VerificationState.Pending),
            NewValue = $"{nameof(VerificationState.Returned)} v{report.Version}: {reason}", ByReporterId = ctx.Reporter?.Id, At = ctx.Now,
        });
        var officer = ctx.Reporter?.Name ?? "admin";
        await ReportNotices.ToReporterAsync(ctx.Session, report.ReporterId, report.Correctable
            ? new Reply($"↩️ Laporan {report.Number} Anda dikembalikan oleh {officer} untuk diperbaiki.\nAlasan: {reason}\n\n{report.Summary}\n\n" +
                        "Tekan Perbaiki untuk mengubah angkanya; setelah disimpan, laporan diperiksa lagi.",
                [new Choice($"✏️ Perbaiki {report.Number}", $"/ubah {report.Number}")])
            : new Reply($"↩️ Laporan {report.Number} Anda dikembalikan oleh {officer}.\nAlasan: {reason}\n\n{report.Summary}\n\n" +
                        "Laporan ini tidak dihitung. Kirim laporan yang benar dengan tombol di bawah.",
                [new Choice("📝 Lapor ulang", report.ReportAgainCommand ?? "/bantuan")]));
        return new Reply($"↩️ {report.Number} dikembalikan ke pelapor dengan alasan: {reason}", [VerifiedReport.NextButton]);
    }
}
