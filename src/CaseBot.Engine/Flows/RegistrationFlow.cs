using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>/daftar: name, role, kabupaten, kecamatan. New reporters wait for an admin's approval.</summary>
public sealed class RegistrationFlow : FlowDefinition
{
    public const string WholeKabupaten = "*";

    public override string Name => "daftar";
    public override string Title => "pendaftaran";

    public override IReadOnlyList<Step> Steps { get; } =
    [
        StepLibrary.Text("name", "Nama", "Siapa nama lengkap Anda (sesuai KTP)?", 3, 80,
            ctx => ctx.Message.DisplayName is { Length: >= 3 } n ? [new Choice(n, n)] : []),
        StepLibrary.Pick("role", "Peran", "Apa peran Anda?", _ =>
            Enum.GetValues<ReporterRole>().Select(r => new Choice(Labels.Role(r), r.ToString())).ToList()),
        StepLibrary.Pick("kabupaten", "Kabupaten", "Di kabupaten mana Anda bertugas?", ctx =>
            ctx.Reference.Regions.Kabupaten.Select(k => new Choice(k.Name, k.Name)).ToList(), clears: ["kecamatan"]),
        StepLibrary.Pick("kecamatan", "Kecamatan", "Di kecamatan mana Anda bertugas?", ctx =>
        {
            var kab = ctx.Reference.Regions.FindKabupaten(ctx.Get("kabupaten") ?? "");
            var choices = kab?.Children.Select(c => new Choice(c.Name, c.Name)).ToList() ?? [];
            if (ctx.Get("role") == nameof(ReporterRole.Petugas)) choices.Insert(0, new Choice("Seluruh kabupaten", WholeKabupaten));
            return choices;
        }),
    ];

    public override string? Refusal(FlowContext ctx) => ctx.Reporter?.Status switch
    {
        ReporterStatus.Approved => $"Anda sudah terdaftar sebagai {Labels.Role(ctx.Reporter.Role)}. Ketik /bantuan untuk melihat menu.",
        ReporterStatus.Pending => "Pendaftaran Anda sedang menunggu persetujuan admin. Anda akan diberi tahu di sini.",
        _ => null, // new, or rejected and trying again
    };

    public override async Task<Func<Reply>> SaveAsync(FlowContext ctx)
    {
        var isAdmin = ctx.Reference.IsConfiguredAdmin(ctx.Message.UserKey);
        var reporter = ctx.Reporter ?? new Reporter { Name = "", Kabupaten = "" };
        var kecamatan = ctx.Require("kecamatan");
        if (ctx.Reporter is not null) AuditReRegistration(ctx, reporter, kecamatan == WholeKabupaten ? null : kecamatan, isAdmin);
        reporter.Name = ctx.Require("name");
        reporter.Role = Enum.Parse<ReporterRole>(ctx.Require("role"));
        reporter.Kabupaten = ctx.Require("kabupaten");
        reporter.Kecamatan = kecamatan == WholeKabupaten ? null : kecamatan;
        reporter.Status = isAdmin ? ReporterStatus.Approved : ReporterStatus.Pending;
        reporter.IsAdmin = isAdmin;
        reporter.RegisteredAt = ctx.Now;
        reporter.DecidedAt = isAdmin ? ctx.Now : null;
        if (ctx.Reporter is null)
        {
            reporter.Identities.Add(new ChannelIdentity
            {
                Channel = ctx.Message.Channel, ExternalUserId = ctx.Message.UserId, ChatId = ctx.Message.ChatId,
            });
            ctx.Store.AddReporter(reporter);
        }
        if (isAdmin)
            return () => "✅ Terdaftar sebagai admin. Ketik /bantuan untuk melihat menu.";

        var admins = await ctx.Store.ListAdminsAsync();
        return () =>
        {
            var area = reporter.Kecamatan is null ? $"Kab. {reporter.Kabupaten}" : $"Kec. {reporter.Kecamatan}, {reporter.Kabupaten}";
            var notice = $"🆕 Pendaftaran baru #{reporter.Id}: {reporter.Name}, {Labels.Role(reporter.Role)}, {area}.";
            Choice[] buttons = [new("✅ Setujui", $"/setujui {reporter.Id}"), new("❌ Tolak", $"/tolak {reporter.Id}")];
            foreach (var (channel, chatId) in AdminChats(ctx, admins))
                ctx.Notices.Add(new OutgoingMessage(channel, chatId, notice, buttons));
            return "✅ Pendaftaran terkirim. Admin akan memeriksa dan Anda akan diberi tahu di sini.\n" +
                   "Sementara menunggu, Anda belum bisa mengirim laporan.";
        };
    }

    /// <summary>Registering again (after a rejection) changes an existing user: every changed field is audited.</summary>
    private static void AuditReRegistration(FlowContext ctx, Reporter before, string? kecamatan, bool isAdmin)
    {
        var status = isAdmin ? ReporterStatus.Approved : ReporterStatus.Pending;
        (string Field, string? Old, string? New)[] fields =
        [
            ("nama", before.Name, ctx.Require("name")),
            ("peran", before.Role.ToString(), ctx.Require("role")),
            ("kabupaten", before.Kabupaten, ctx.Require("kabupaten")),
            ("kecamatan", before.Kecamatan, kecamatan),
            ("status", before.Status.ToString(), status.ToString()),
        ];
        foreach (var (field, old, now) in fields.Where(f => f.Old != f.New))
            ctx.Store.AddAudit(new AuditEntry
            {
                Subject = $"USR-{before.Id}", Field = field, OldValue = old, NewValue = now, ByReporterId = before.Id, At = ctx.Now,
            });
    }

    /// <summary>Registered admins' chats, plus configured admin accounts that never registered.</summary>
    private static IEnumerable<(string Channel, string ChatId)> AdminChats(FlowContext ctx, IReadOnlyList<Reporter> admins) =>
        admins.SelectMany(a => a.Identities).Select(i => (i.Channel, i.ChatId))
            .Concat(ctx.Reference.Options.Admins.Select(a => a.Split(':', 2)).Where(p => p.Length == 2).Select(p => (p[0], p[1])))
            .Distinct();
}
