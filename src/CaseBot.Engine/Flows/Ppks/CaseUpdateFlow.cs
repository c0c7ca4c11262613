using CaseBot.Engine.Verification;
using System.Text.Json.Serialization;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

public sealed class CaseUpdateDraft
{
    public int CaseId { get; set; }
    public string Number { get; set; } = "";
    /// <summary>The case's version when <see cref="Before"/> was read.</summary>
    public int BaseVersion { get; set; }
    public CaseFields Before { get; set; } = new();
    public CaseFields After { get; set; } = new();

    [JsonIgnore]
    public bool StatusChanged => Before.Status != After.Status;
    [JsonIgnore]
    public bool ServiceChanged => Before.Service != After.Service;
    [JsonIgnore]
    public bool HasChanges => StatusChanged || ServiceChanged || !string.IsNullOrWhiteSpace(After.Note);
}

public sealed class CaseFields
{
    public string? Status { get; set; }
    public string? Service { get; set; }
    /// <summary>Only in <see cref="CaseUpdateDraft.After"/>: appended to the case's description.</summary>
    public string? Note { get; set; }
}

/// <summary>/ubah PK-…: a new status, service and/or note for an existing PPKS case, as changes with audit rows.</summary>
public sealed class CaseUpdateFlow : Flow<CaseUpdateDraft>
{
    public const string FlowName = "ubahkasus";

    public override FlowInfo Info { get; } = new() { Name = FlowName, Title = "perubahan kasus" };

    protected override bool StartsAtEditMenu => true;

    protected override IReadOnlyList<Step<CaseUpdateDraft>> DefineSteps() =>
    [
        StepLibrary<CaseUpdateDraft>.Pick("status", "Status", "Status kasus sekarang?", _ => PpksFlow.StatusChoices,
            d => d.After.Status, (d, v) => d.After.Status = v),
        .. PpksFlow.ServiceSteps<CaseUpdateDraft>(d => d.After.Service, (d, v) => d.After.Service = v),
        WithSkip(StepLibrary<CaseUpdateDraft>.Text("note", "Catatan", "Catatan singkat tentang perubahan ini? (Lewati bila tidak ada)", 3, 300,
            d => d.After.Note, (d, v) => d.After.Note = v)),
    ];

    private static Step<CaseUpdateDraft> WithSkip(Step<CaseUpdateDraft> step) => step with
    {
        Display = (_, d) => string.IsNullOrEmpty(d.After.Note) ? null : d.After.Note, Skip = d => d.After.Note = "",
    };

    protected override IReadOnlyList<Invariant<CaseUpdateDraft>> Invariants { get; } =
    [
        new(null, async ctx => await ctx.Store.GetCaseAsync(ctx.Draft.CaseId) is { } c && ReportAccess.CanUpdate(ctx.Reporter!, c)
            ? null : "Kasus ini tidak bisa lagi Anda ubah. Ketik /batal."),
        Invariant<CaseUpdateDraft>.Of(null, ctx => ctx.Draft.HasChanges
            ? null : "Belum ada yang diubah. Pilih Ubah untuk mengganti status atau layanan, atau Batal."),
        Invariant<CaseUpdateDraft>.Of("service", ctx => !StepLibrary<CaseUpdateDraft>.KnownOrOther(ctx.Draft.After.Service, ctx.Reference.Catalogs.PpksService)
            ? "Layanan itu tidak ada lagi di katalog. Pilih lagi." : null),
    ];

    protected override async Task<string?> PrepareAsync(FlowContext<CaseUpdateDraft> ctx, string? argument)
    {
        // The same answer whether the case does not exist or is not the user's: no probing for case numbers.
        if (!ReportNumber.TryParse(argument, out var prefix, out var year, out var id) || prefix != PpksCase.Prefix
            || await ctx.Store.GetCaseAsync(id) is not { } c || c.ReportedOn.Year != year || !ReportAccess.CanUpdate(ctx.Reporter!, c))
            return $"Kasus {argument} tidak ditemukan atau bukan wewenang Anda. Contoh: /ubah PK-{ctx.Today.Year}-0003";
        Load(ctx.Draft, c);
        return null;
    }

    private static void Load(CaseUpdateDraft d, PpksCase c)
    {
        d.CaseId = c.Id;
        d.Number = c.Number;
        d.BaseVersion = c.Version;
        d.Before = new CaseFields { Status = c.Status.ToString(), Service = c.ServiceCode };
        d.After.Status = c.Status.ToString();
        d.After.Service = c.ServiceCode;
    }

    protected override CaseUpdateDraft Original(CaseUpdateDraft draft) => new() { Before = draft.Before, After = draft.Before };

    protected override string EditMenuText(FlowContext<CaseUpdateDraft> ctx) =>
        $"Kasus {ctx.Draft.Number} sekarang:\n{string.Join("\n", SummaryLines(ctx))}\n\nApa yang berubah?";

    protected override string SummaryTitle(FlowContext<CaseUpdateDraft> ctx) => $"Periksa perubahan {ctx.Draft.Number}:";

    protected override async Task<string?> RebaseAsync(FlowContext<CaseUpdateDraft> ctx)
    {
        var d = ctx.Draft;
        if (await ctx.Store.GetCaseAsync(d.CaseId) is not { } c || c.Version == d.BaseVersion) return null;
        var (status, service) = (d.StatusChanged ? d.After.Status : null, d.ServiceChanged ? d.After.Service : null);
        Load(d, c);
        if (status is not null) d.After.Status = status;
        if (service is not null) d.After.Service = service;
        return $"⚠️ Sementara Anda mengisi, kasus {d.Number} sudah diubah orang lain. Data terbaru sudah dipakai di bawah; " +
               "perubahan Anda tetap. Periksa lagi, lalu tekan Simpan.";
    }

    protected override async Task<Func<Reply>> SaveAsync(FlowContext<CaseUpdateDraft> ctx)
    {
        var d = ctx.Draft;
        var c = await ctx.Store.GetCaseAsync(d.CaseId) ?? throw new InvalidOperationException("The case vanished after its check.");
        CaseChanges.Apply(ctx.Session, c, Enum.Parse<CaseStatus>(d.After.Status!), d.After.Service!, d.After.Note);
        var verifiers = await ReportNotices.VerifiersAsync(ctx.Session, c.Kabupaten, c.Kecamatan);
        return () =>
        {
            ReportNotices.ToVerifiers(ctx.Session, verifiers, PpksVerification.Of(ctx.Session, c));
            return $"✅ Kasus {c.Number} diperbarui: status {Labels.Status(c.Status)}.";
        };
    }
}
