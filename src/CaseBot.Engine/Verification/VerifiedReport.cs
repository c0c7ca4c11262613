using CaseBot.Engine.Commands;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Verification;

/// <summary>
/// The steps /verifikasi and /kembalikan share: find the report a number names, check the officer may act on it, and
/// check it is still the version the officer saw (else show it again).
/// </summary>
public static class VerifiedReport
{
    public sealed record Found(ReportKind Kind, Checkable Report, int? SeenVersion, string[] Rest);

    /// <summary>The report and what follows its number, or the answer to give instead.</summary>
    public static async Task<(Found? Found, Reply? Answer)> FindAsync(CommandContext ctx, ReportKinds kinds, string argument, string usage)
    {
        var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || kinds.Parse(words[0]) is not var (kind, year, id))
            return (null, usage);
        if (kind.Verification is not { } verification)
            return (null, $"{Capitalized(kind.Title)} tidak perlu diverifikasi.");
        if (await verification.FindAsync(ctx.Session, id, year) is not { } report)
            return (null, $"Laporan {words[0].ToUpperInvariant()} tidak ditemukan.");
        if (VerificationRules.Refusal(ctx.Reporter, ctx.IsAdmin, report, ctx.Reference.Options.Verification) is { } refusal)
            return (null, refusal);
        var seen = words.Length > 1 ? VerificationButtons.Version(words[1]) : null;
        return (new Found(kind, report, seen, words.Skip(seen is null ? 1 : 2).ToArray()), null);
    }

    /// <summary>The report as it is now, with the buttons for this version: asked when the officer saw another one, or none.</summary>
    public static Reply Show(Checkable report, int? seen, DateTimeOffset now) =>
        new((seen is not null ? "⚠️ Laporan ini baru saja diperbarui. Periksa angka terbarunya:\n\n" : "") +
            $"{report.Number} · {Labels.Verification(report.Verification.State)}\n{report.Summary}\n" +
            $"Dilaporkan {Domain.Text.IndonesianFormat.Relative(report.ReportedAt, now)}.",
            VerificationButtons.For(report));

    /// <summary>Why a report that is not waiting cannot be verified or returned now, or null when it waits.</summary>
    public static string? NotWaiting(Checkable report) => report.Verification.State switch
    {
        Domain.Entities.VerificationState.Verified => $"{report.Number} sudah diverifikasi.",
        Domain.Entities.VerificationState.Returned =>
            $"{report.Number} sedang dikembalikan ke pelapor untuk diperbaiki (alasan: {report.Verification.Reason}). Tunggu perbaikannya.",
        _ => null,
    };

    public static Choice NextButton => new("➡️ Antrean verifikasi", $"/{VerifyCommand.CommandName}");

    private static string Capitalized(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
