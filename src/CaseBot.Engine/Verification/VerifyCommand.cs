using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Verification;

/// <summary>
/// /verifikasi: the queue of reports waiting in the officer's area, newest and largest first, each with one button;
/// /verifikasi &lt;nomor&gt; v&lt;versi&gt; verifies exactly the version shown. Who verified what and when is audited.
/// </summary>
public sealed class VerifyCommand(ReportKinds kinds) : ICommand
{
    public const string CommandName = "verifikasi";
    /// <summary>Reports listed at once (two buttons each, within a WhatsApp list's ten rows).</summary>
    public const int PageSize = 5;
    private const int ReadPerKind = 50;

    public string Name => CommandName;
    public string Description => "Verifikasi laporan di wilayah Anda: /verifikasi";
    public CommandAccess Access => CommandAccess.Reporter;
    public bool Offered(CommandContext ctx) => VerificationRules.IsVerifier(ctx.Reporter, ctx.IsAdmin, ctx.Reference.Options.Verification);

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        if (!Offered(ctx)) return VerificationRules.NotAVerifier;
        if (string.IsNullOrWhiteSpace(argument)) return await QueueAsync(ctx);
        var (found, answer) = await VerifiedReport.FindAsync(ctx, kinds, argument,
            $"Ketik /{CommandName} untuk melihat antrean, atau /{CommandName} <nomor>, contoh: /{CommandName} {kinds.Example(ctx.Today.Year).Split(", ")[0]}.");
        if (found is null) return answer!;
        var report = found.Report;
        if (VerifiedReport.NotWaiting(report) is { } notWaiting) return new Reply(notWaiting, [VerifiedReport.NextButton]);
        if (found.SeenVersion != report.Version) return VerifiedReport.Show(report, found.SeenVersion, ctx.Now);

        report.Verification.State = VerificationState.Verified;
        report.Verification.ByReporterId = ctx.Reporter?.Id;
        report.Verification.At = ctx.Now;
        report.OnVerified();
        ctx.Store.AddAudit(new AuditEntry
        {
            Subject = report.Number, Field = "verifikasi", OldValue = nameof(VerificationState.Pending),
            NewValue = $"{nameof(VerificationState.Verified)} v{report.Version}", ByReporterId = ctx.Reporter?.Id, At = ctx.Now,
        });
        await ReportNotices.ToReporterAsync(ctx.Session, report.ReporterId,
            $"✅ Laporan {report.Number} Anda sudah diverifikasi oleh {ctx.Reporter?.Name ?? "admin"}. Terima kasih.");
        var left = (await PendingAsync(ctx)).Count(r => r.Number != report.Number);
        return new Reply($"✅ {report.Number} terverifikasi." + (left == 0 ? " Antrean di wilayah Anda kosong." : $" Masih {Count(left)} laporan menunggu."),
            left == 0 ? [] : [VerifiedReport.NextButton]);
    }

    private async Task<Reply> QueueAsync(CommandContext ctx)
    {
        var pending = await PendingAsync(ctx);
        if (pending.Count == 0) return "Tidak ada laporan yang menunggu verifikasi di wilayah Anda. 👍";
        var shown = pending.Take(PageSize).ToList();
        var lines = shown.Select((r, i) => $"{i + 1}. {r.Number} ({Domain.Text.IndonesianFormat.Relative(r.ReportedAt, ctx.Now)})\n{r.Summary}");
        var buttons = shown.SelectMany((r, i) => VerificationButtons.For(r).Select(b => b with { Label = $"{b.Label} {i + 1}" })).ToList();
        return new Reply(
            $"🔎 {Count(pending.Count)} laporan menunggu verifikasi (terbaru dan terbesar dulu):\n\n{string.Join("\n\n", lines)}\n\n" +
            "Periksa tiap laporan, lalu tekan Verifikasi atau Kembalikan (dengan alasan) sesuai nomornya.", buttons);
    }

    /// <summary>Every kind's waiting reports in the officer's area: newest day first, and within a day the largest first.</summary>
    private async Task<List<Checkable>> PendingAsync(CommandContext ctx)
    {
        var (kabupaten, kecamatan) = VerificationRules.Area(ctx.Reporter, ctx.IsAdmin);
        var options = ctx.Reference.Options.Verification;
        var all = new List<Checkable>();
        foreach (var kind in kinds.All)
            if (kind.Verification is { } verification)
                all.AddRange(await verification.PendingAsync(ctx.Session, kabupaten, kecamatan, ReadPerKind));
        var zone = ctx.Reference.TimeZoneOf(ctx.Reporter?.Kabupaten);
        return all.Where(r => VerificationRules.Refusal(ctx.Reporter, ctx.IsAdmin, r, options) is null)
            .OrderByDescending(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.ReportedAt, zone).DateTime))
            .ThenByDescending(r => r.Size).ThenByDescending(r => r.ReportedAt).ToList();
    }

    private static string Count(int n) => IndonesianFormat.Number(n);
}
