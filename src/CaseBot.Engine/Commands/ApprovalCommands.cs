using CaseBot.Domain.Entities;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>/setujui and /tolak &lt;id&gt;: an admin decides on a registration; the reporter is told.</summary>
public abstract class DecisionCommand(ReporterStatus decision) : ICommand
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public CommandAccess Access => CommandAccess.Admin;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        if (!int.TryParse(argument.Trim().TrimStart('#'), out var id))
            return $"Ketik nomor pendaftarnya, contoh: /{Name} 12. Lihat daftar tunggu dengan /menunggu.";
        var reporter = await ctx.Store.GetReporterAsync(id);
        if (reporter is null) return $"Pendaftar #{id} tidak ditemukan.";
        if (reporter.Status == decision) return $"{reporter.Name} sudah {Labels.ReporterStatus(decision)}.";

        ctx.Store.AddAudit(new AuditEntry
        {
            Subject = $"USR-{reporter.Id}", Field = "status", OldValue = reporter.Status.ToString(), NewValue = decision.ToString(),
            ByReporterId = ctx.Reporter?.Id, At = ctx.Now,
        });
        reporter.Status = decision;
        reporter.DecidedAt = ctx.Now;
        var notice = decision == ReporterStatus.Approved
            ? "🎉 Pendaftaran Anda disetujui. Ketik /bantuan untuk melihat apa yang bisa Anda laporkan."
            : "Maaf, pendaftaran Anda ditolak. Hubungi Dinas Sosial bila ada kekeliruan, lalu /daftar lagi.";
        if (await PersonChats.PreferredAsync(ctx.Store, reporter) is var (channel, chatId))
            ctx.Notices.Add(new OutgoingMessage(channel, chatId, notice) { ReporterId = reporter.Id });
        return $"✅ {reporter.Name} ({Labels.Role(reporter.Role)}) {Labels.ReporterStatus(decision)}.";
    }
}

public sealed class ApproveCommand() : DecisionCommand(ReporterStatus.Approved)
{
    public override string Name => "setujui";
    public override string Description => "Setujui pendaftar: /setujui <no>";
}

public sealed class RejectCommand() : DecisionCommand(ReporterStatus.Rejected)
{
    public override string Name => "tolak";
    public override string Description => "Tolak pendaftar: /tolak <no>";
}

/// <summary>/menunggu: registrations waiting for a decision, with buttons.</summary>
public sealed class PendingCommand : ICommand
{
    public string Name => "menunggu";
    public string Description => "Daftar pendaftar yang menunggu persetujuan";
    public CommandAccess Access => CommandAccess.Admin;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var pending = await ctx.Store.ListReportersAsync(ReporterStatus.Pending);
        if (pending.Count == 0) return "Tidak ada pendaftar yang menunggu.";
        var lines = pending.Take(10).Select(r => $"#{r.Id} {r.Name}, {Labels.Role(r.Role)}, {r.Kecamatan ?? r.Kabupaten}");
        var buttons = pending.Take(5).SelectMany(r => new[] { new Choice($"✅ #{r.Id}", $"/setujui {r.Id}"), new Choice($"❌ #{r.Id}", $"/tolak {r.Id}") });
        return new Reply($"Menunggu persetujuan ({pending.Count}):\n{string.Join("\n", lines)}", buttons.ToList());
    }
}

/// <summary>/audit &lt;nomor&gt;: every recorded change to a report (admins only).</summary>
public sealed class AuditCommand : ICommand
{
    public string Name => "audit";
    public string Description => "Riwayat perubahan laporan: /audit <nomor>";
    public CommandAccess Access => CommandAccess.Admin;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var subject = argument.Trim().ToUpperInvariant();
        if (ReportNumber.TryParse(subject, out var kind, out var year, out var id)) subject = ReportNumber.Format(kind, year, id);
        var rows = await ctx.Store.AuditTrailAsync(subject);
        if (rows.Count == 0) return $"Belum ada perubahan tercatat untuk {subject}.";
        // Stored in UTC; shown in the admin's local time, as every other time the bot tells.
        var zone = ctx.Reference.TimeZoneOf(ctx.Reporter?.Kabupaten);
        var lines = rows.TakeLast(15).Select(a =>
            $"• {Domain.Text.IndonesianFormat.DateTime(TimeZoneInfo.ConvertTime(a.At, zone))} oleh #{a.ByReporterId}: {a.Field} {Shown(a.Field, a.OldValue)} → {Shown(a.Field, a.NewValue)}");
        return $"Riwayat {subject}:\n{string.Join("\n", lines)}";
    }

    /// <summary>Audit rows keep enum names (Pending, Tksk); admins read the Indonesian labels.</summary>
    private static string? Shown(string field, string? value) => string.IsNullOrEmpty(value) || !char.IsLetter(value[0]) ? value : field switch
    {
        "status" when Enum.TryParse<CaseStatus>(value, out var status) => Labels.Status(status),
        "status" when Enum.TryParse<ReporterStatus>(value, out var registration) => Labels.ReporterStatus(registration),
        "peran" when Enum.TryParse<ReporterRole>(value, out var role) => Labels.Role(role),
        // "Verified v2" or "Returned v2: reason": the state in Indonesian, the version and reason as written.
        "verifikasi" when Enum.TryParse<VerificationState>(value.Split(' ', 2)[0], out var state) =>
            Labels.Verification(state) + (value.Contains(' ') ? " " + value.Split(' ', 2)[1] : ""),
        _ => value,
    };
}
