using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>
/// /duplikat: officers resolve PPKS cases that may be the same person (a link made when a case was filed).
/// "/duplikat" lists the open links in the officer's area, "/duplikat gabung &lt;no&gt;" merges the newer case into
/// the older one, "/duplikat pisah &lt;no&gt;" records they are different people. An officer acts on a link when either
/// case lies in their area; the details of a case outside it stay hidden (only its number and kabupaten).
/// </summary>
public sealed class DuplicatesCommand : ICommand
{
    /// <summary>How many links one listing shows (newest first).</summary>
    public const int ListSize = 10;
    /// <summary>Links that get buttons: two each, within a WhatsApp list's ten rows.</summary>
    private const int WithButtons = 5;

    public string Name => "duplikat";
    public string Description => "Kemungkinan kasus PPKS ganda: /duplikat, lalu gabungkan atau pisahkan";
    public CommandAccess Access => CommandAccess.Officer;

    private const string Usage =
        "Ketik /duplikat untuk melihat daftar, atau /duplikat gabung <no> / /duplikat pisah <no>, contoh: /duplikat gabung 3.";

    public Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var parts = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return ListAsync(ctx);
        var action = parts[0].ToLowerInvariant();
        if (action is not ("gabung" or "pisah") || parts.Length != 2 || !int.TryParse(parts[1].TrimStart('#'), out var id) || id <= 0)
            return Task.FromResult<Reply>(Usage);
        return ResolveAsync(ctx, id, merge: action == "gabung");
    }

    private static async Task<Reply> ListAsync(CommandContext ctx)
    {
        var (kabupaten, kecamatan) = Scope(ctx);
        var links = await ctx.Store.OpenDuplicatesAsync(kabupaten, kecamatan, ListSize + 1);
        if (links.Count == 0) return "Tidak ada kemungkinan kasus ganda yang perlu diperiksa di wilayah Anda.";
        var shown = links.Take(ListSize).ToList();
        var header = links.Count > ListSize
            ? $"Kemungkinan kasus ganda ({ListSize} terbaru; selesaikan ini untuk melihat yang lain):"
            : $"Kemungkinan kasus ganda ({shown.Count}):";
        var blocks = shown.Select(d =>
            $"#{d.Id} {d.Case!.Number} ↔ {d.OtherCase!.Number}: {ReasonText(d.Reason)}\n" +
            $"• Baru: {Describe(ctx, d.Case)}\n" +
            $"• Lama: {Describe(ctx, d.OtherCase)}");
        var buttons = shown.Take(WithButtons).SelectMany(d => new[]
        {
            new Choice($"Gabungkan #{d.Id}", $"/duplikat gabung {d.Id}"),
            new Choice($"Bukan duplikat #{d.Id}", $"/duplikat pisah {d.Id}"),
        });
        return new Reply(
            $"{header}\n\n{string.Join("\n\n", blocks)}\n\n" +
            "Gabungkan: kasus baru digabung ke kasus lama dan tidak dihitung lagi tersendiri. " +
            "Ketik /duplikat gabung <no> atau /duplikat pisah <no>.",
            buttons.ToList());
    }

    private static async Task<Reply> ResolveAsync(CommandContext ctx, int id, bool merge)
    {
        var link = await ctx.Store.GetDuplicateAsync(id);
        // An id outside the officer's area answers exactly like an unknown one, so ids cannot be probed.
        if (link?.Case is null || link.OtherCase is null || !(InScope(ctx, link.Case) || InScope(ctx, link.OtherCase)))
            return $"Kemungkinan duplikat #{id} tidak ditemukan atau bukan wewenang Anda.";
        if (link.Status != DuplicateStatus.Open)
            return $"Kemungkinan duplikat #{id} sudah diselesaikan: " +
                   (link.Status == DuplicateStatus.Merged ? $"{link.Case.Number} digabung ke {link.OtherCase.Number}." : "bukan duplikat.");

        var (newer, older) = (link.Case, link.OtherCase);
        var by = ctx.Reporter?.Id;
        if (!merge)
        {
            link.Status = DuplicateStatus.Separate;
            link.ResolvedAt = ctx.Now;
            link.ResolvedByReporterId = by;
            foreach (var (c, other) in new[] { (newer, older), (older, newer) })
                ctx.Store.AddAudit(new AuditEntry
                {
                    Subject = c.Number, Field = "duplikat", OldValue = $"mungkin sama dengan {other.Number}", NewValue = "bukan duplikat",
                    ByReporterId = by, At = ctx.Now,
                });
            return $"✅ #{id}: {newer.Number} dan {older.Number} dicatat sebagai dua kasus yang berbeda.";
        }

        if (newer.MergedIntoCaseId is { } already)
            return $"{newer.Number} sudah digabung ke {(await ctx.Store.GetCaseAsync(already))?.Number ?? "kasus lain"}. " +
                   $"Pilih \"Bukan duplikat\" untuk menutup #{id}.";
        // Merge into the case that finally counts, should the older case itself have been merged already.
        var target = older;
        for (var hops = 0; target.MergedIntoCaseId is { } next && hops < 10; hops++)
            target = await ctx.Store.GetCaseAsync(next) ?? target;
        if (target.Id == newer.Id)
            return $"{older.Number} sudah digabung ke {newer.Number}. Pilih \"Bukan duplikat\" untuk menutup #{id}.";

        newer.MergedIntoCaseId = target.Id;
        newer.UpdatedAt = ctx.Now;
        link.Status = DuplicateStatus.Merged;
        link.ResolvedAt = ctx.Now;
        link.ResolvedByReporterId = by;
        ctx.Store.AddAudit(new AuditEntry
        {
            Subject = newer.Number, Field = "digabung", OldValue = null, NewValue = target.Number, ByReporterId = by, At = ctx.Now,
        });
        ctx.Store.AddAudit(new AuditEntry
        {
            Subject = target.Number, Field = "digabung", OldValue = null, NewValue = $"{newer.Number} digabung ke sini",
            ByReporterId = by, At = ctx.Now,
        });
        await NotifyAsync(ctx, newer, target,
            other => $"ℹ️ Laporan PPKS Anda {newer.Number} ({newer.Name}) digabung oleh petugas dinas dengan laporan lain tentang orang " +
                     $"yang sama{other}. {newer.Number} tidak dihitung lagi tersendiri.");
        await NotifyAsync(ctx, target, newer,
            other => $"ℹ️ Laporan lain tentang orang yang sama{other} digabung oleh petugas dinas ke laporan PPKS Anda " +
                     $"{target.Number} ({target.Name}).");
        return $"✅ #{id}: {newer.Number} digabung ke {target.Number}. {newer.Number} tidak lagi dihitung tersendiri dalam capaian.";
    }

    /// <summary>
    /// Tells the reporter of <paramref name="own"/>. The other case is named only when that reporter may see it
    /// (a case in another area is never named to a reporter).
    /// </summary>
    private static async Task NotifyAsync(CommandContext ctx, PpksCase own, PpksCase other, Func<string, string> text)
    {
        var reporter = await ctx.Store.GetReporterAsync(own.ReporterId);
        if (reporter is null) return;
        var named = ReportAccess.CanSee(reporter, other.ReporterId, other.Kabupaten, other.Kecamatan) ? $" ({other.Number})" : "";
        if (await PersonChats.PreferredAsync(ctx.Store, reporter) is var (channel, chatId))
            ctx.Notices.Add(new OutgoingMessage(channel, chatId, text(named)) { ReporterId = reporter.Id });
    }

    /// <summary>Admins: everything (null); officers: their kabupaten, and kecamatan where they have one.</summary>
    private static (string? Kabupaten, string? Kecamatan) Scope(CommandContext ctx) =>
        ctx.IsAdmin || ctx.Reporter is null ? (null, null) : (ctx.Reporter.Kabupaten, ctx.Reporter.Kecamatan);

    private static bool InScope(CommandContext ctx, PpksCase c)
    {
        var (kabupaten, kecamatan) = Scope(ctx);
        return kabupaten is null || (c.Kabupaten == kabupaten && (kecamatan is null || c.Kecamatan == kecamatan));
    }

    private static bool Sees(CommandContext ctx, PpksCase c) =>
        ctx.IsAdmin || (ctx.Reporter is { } viewer && ReportAccess.CanSee(viewer, c.ReporterId, c.Kabupaten, c.Kecamatan));

    private static string Describe(CommandContext ctx, PpksCase c)
    {
        if (!Sees(ctx, c)) return $"{c.Number}, {c.Kabupaten} (di luar wilayah Anda)";
        var type = ctx.Reference.Catalogs.PpksType(c.TypeCode)?.Name ?? c.TypeCode;
        var nik = c.Nik is null ? "" : $", NIK {(ctx.IsAdmin ? c.Nik : Nik.Mask(c.Nik))}";
        var merged = c.MergedIntoCaseId is null ? "" : " (sudah digabung)";
        return $"{c.Number} {c.Name}{nik}, {type}, Desa {c.Desa}, Kec. {c.Kecamatan}, {c.Kabupaten}; status {Labels.Status(c.Status)}{merged}";
    }

    private static string ReasonText(string reason) =>
        reason == PossibleDuplicate.ReasonNik ? "NIK sama" : "nama sama di desa yang sama";
}
