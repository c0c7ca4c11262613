using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

public sealed class RegistrationDraft
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Kabupaten { get; set; }
    /// <summary>A kecamatan, or <see cref="RegistrationFlow.WholeKabupaten"/> (officers only).</summary>
    public string? Kecamatan { get; set; }
}

/// <summary>/daftar: name, role, kabupaten, kecamatan. New reporters wait for an admin's approval.</summary>
public sealed class RegistrationFlow : Flow<RegistrationDraft>
{
    public const string WholeKabupaten = "*";

    public override FlowInfo Info { get; } = new()
    {
        Name = "daftar", Title = "pendaftaran", Command = "daftar", MenuLine = "Daftar sebagai pelapor",
        RequiresApprovedReporter = false,
    };

    protected override IReadOnlyList<Step<RegistrationDraft>> DefineSteps() =>
    [
        StepLibrary<RegistrationDraft>.Text("name", "Nama", "Siapa nama lengkap Anda (sesuai KTP)?", 3, 80, d => d.Name, (d, v) => d.Name = v,
            ctx => ctx.Message.DisplayName is { Length: >= 3 } n ? [new Choice(n, n)] : []),
        StepLibrary<RegistrationDraft>.Pick("role", "Peran", "Apa peran Anda?", _ =>
            Enum.GetValues<ReporterRole>().Select(r => new Choice(Labels.Role(r), r.ToString())).ToList(),
            d => d.Role, (d, v) => d.Role = v, clears: ["kecamatan"]),
        StepLibrary<RegistrationDraft>.Pick("kabupaten", "Kabupaten", "Di kabupaten mana Anda bertugas?", ctx =>
            ctx.Reference.Regions.Kabupaten.Select(k => new Choice(k.Name, k.Name)).ToList(),
            d => d.Kabupaten, (d, v) => d.Kabupaten = v, clears: ["kecamatan"], synonyms: ctx => ctx.Reference.Vocabulary.RegionAbbreviations),
        StepLibrary<RegistrationDraft>.Pick("kecamatan", "Kecamatan", "Di kecamatan mana Anda bertugas?", KecamatanChoices,
            d => d.Kecamatan, (d, v) => d.Kecamatan = v),
    ];

    private static IReadOnlyList<Choice> KecamatanChoices(FlowContext<RegistrationDraft> ctx)
    {
        var kab = ctx.Reference.Regions.FindKabupaten(ctx.Draft.Kabupaten ?? "");
        var choices = kab?.Children.Select(c => new Choice(c.Name, c.Name)).ToList() ?? [];
        if (ctx.Draft.Role == nameof(ReporterRole.Petugas)) choices.Insert(0, new Choice("Seluruh kabupaten", WholeKabupaten));
        return choices;
    }

    protected override IReadOnlyList<Invariant<RegistrationDraft>> Invariants { get; } =
    [
        Invariant<RegistrationDraft>.Of("kabupaten", ctx => ctx.Reference.Regions.FindKabupaten(ctx.Draft.Kabupaten ?? "") is null
            ? "Kabupaten itu tidak ada lagi di daftar wilayah. Pilih lagi." : null),
        Invariant<RegistrationDraft>.Of("kecamatan", ctx => KecamatanChoices(ctx).Any(c => c.Data == ctx.Draft.Kecamatan)
            ? null : $"Pilih kecamatan di Kab. {ctx.Draft.Kabupaten}" +
                     (ctx.Draft.Role == nameof(ReporterRole.Petugas) ? " (atau seluruh kabupaten)." : ".")),
    ];

    public override string? StartRefusal(FlowSession session) => session.Reporter?.Status switch
    {
        ReporterStatus.Approved => $"Anda sudah terdaftar sebagai {Labels.Role(session.Reporter.Role)}. Ketik /bantuan untuk melihat menu.",
        ReporterStatus.Pending => "Pendaftaran Anda sedang menunggu persetujuan admin. Anda akan diberi tahu di sini.",
        _ => null, // new, or rejected and trying again
    };

    protected override async Task<Func<Reply>> SaveAsync(FlowContext<RegistrationDraft> ctx)
    {
        var d = ctx.Draft;
        var isAdmin = ctx.Reference.IsConfiguredAdmin(ctx.Message.UserKey);
        var reporter = ctx.Reporter ?? new Reporter { Name = "", Kabupaten = "" };
        var kecamatan = d.Kecamatan == WholeKabupaten ? null : d.Kecamatan;
        var role = Enum.Parse<ReporterRole>(d.Role!);
        var status = isAdmin ? ReporterStatus.Approved : ReporterStatus.Pending;
        if (ctx.Reporter is not null) AuditReRegistration(ctx, reporter, d, role, kecamatan, status);
        reporter.Name = d.Name!;
        reporter.Role = role;
        reporter.Kabupaten = d.Kabupaten!;
        reporter.Kecamatan = kecamatan;
        reporter.Status = status;
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
            return () => $"✅ Terdaftar sebagai {Labels.Role(reporter.Role)} dengan hak admin (akun ini admin di konfigurasi). " +
                         "Ketik /bantuan untuk melihat menu.";

        var admins = await AdminChats.ListAsync(ctx.Session);
        return () =>
        {
            var area = reporter.Kecamatan is null ? $"Kab. {reporter.Kabupaten}" : $"Kec. {reporter.Kecamatan}, {reporter.Kabupaten}";
            var notice = $"🆕 Pendaftaran baru #{reporter.Id}: {reporter.Name}, {Labels.Role(reporter.Role)}, {area}.";
            Choice[] buttons = [new("✅ Setujui", $"/setujui {reporter.Id}"), new("❌ Tolak", $"/tolak {reporter.Id}")];
            foreach (var (channel, chatId) in admins)
                ctx.Notices.Add(new OutgoingMessage(channel, chatId, notice, buttons));
            return "✅ Pendaftaran terkirim. Admin akan memeriksa dan Anda akan diberi tahu di sini.\n" +
                   "Sementara menunggu, Anda belum bisa mengirim laporan.";
        };
    }

    /// <summary>Registering again (after a rejection) changes an existing user: every changed field is audited.</summary>
    private static void AuditReRegistration(FlowContext<RegistrationDraft> ctx, Reporter before, RegistrationDraft d,
        ReporterRole role, string? kecamatan, ReporterStatus status)
    {
        (string Field, string? Old, string? New)[] fields =
        [
            ("nama", before.Name, d.Name),
            ("peran", before.Role.ToString(), role.ToString()),
            ("kabupaten", before.Kabupaten, d.Kabupaten),
            ("kecamatan", before.Kecamatan, kecamatan),
            ("status", before.Status.ToString(), status.ToString()),
        ];
        foreach (var (field, old, now) in fields.Where(f => f.Old != f.New))
            ctx.Store.AddAudit(new AuditEntry
            {
                Subject = $"USR-{before.Id}", Field = field, OldValue = old, NewValue = now, ByReporterId = before.Id, At = ctx.Now,
            });
    }
}
