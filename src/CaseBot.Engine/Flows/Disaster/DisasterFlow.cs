using CaseBot.Engine.Verification;
using System.Globalization;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

public sealed class DisasterDraft
{
    /// <summary><see cref="DisasterFlow.NewEvent"/>, or the number of an existing event chosen to update (handed over).</summary>
    public string? Start { get; set; }
    public string? Kind { get; set; }
    public string? Kecamatan { get; set; }
    public string? Desa { get; set; }
    public DateOnly? Date { get; set; }
    public VictimFigures Counts { get; set; } = new();
}

/// <summary>
/// /bencana: a new disaster event with its victim counts. When recent events are open in the reporter's area, the
/// first question offers them; choosing one hands over to <see cref="EventUpdateFlow"/>.
/// </summary>
public sealed class DisasterFlow : Flow<DisasterDraft>
{
    public const string NewEvent = "new";

    public override FlowInfo Info { get; } = new()
    {
        Name = "bencana", Title = "laporan bencana", Command = "bencana",
        MenuLine = "Laporkan kejadian bencana & korbannya",
    };

    public override ReportKind Report { get; } = new DisasterReports();

    private static bool IsNew(FlowContext<DisasterDraft> ctx) => ctx.Draft.Start == NewEvent;

    protected override IReadOnlyList<Step<DisasterDraft>> DefineSteps() =>
    [
        new()
        {
            Key = "event", Label = "Kejadian", Editable = false, ChoicesOnly = true,
            Prompt = _ => "Laporan untuk kejadian baru, atau pembaruan kejadian yang sudah dilaporkan?",
            Choices = async ctx => [new Choice("➕ Kejadian baru", NewEvent), .. (await RecentEvents.InAreaAsync(ctx.Session)).Select(e => RecentEvents.AsChoice(ctx.Session, e))],
            Accept = async (ctx, v) =>
            {
                if (v == NewEvent) ctx.Draft.Start = NewEvent;
                else if (await ctx.Store.GetEventAsync(int.Parse(v, CultureInfo.InvariantCulture)) is { Closed: false } chosen) ctx.Draft.Start = chosen.Number;
                else return StepResult.Invalid("Kejadian itu tidak ditemukan lagi.");
                return StepResult.Ok;
            },
            IsAnswered = d => d.Start is not null,
            Clear = d => d.Start = null,
            Display = (_, _) => null,
        },
        .. StepLibrary<DisasterDraft>.CatalogPick("kind", "Jenis bencana", "Jenis bencana apa?", "Ketik jenis bencananya (contoh: hujan es):",
            ctx => ctx.Reference.Catalogs.DisasterKinds, d => d.Kind, (d, v) => d.Kind = v,
            (ctx, code) => ctx.Reference.Catalogs.DisasterKindName(code), IsNew, synonyms: ctx => ctx.Reference.Vocabulary.DisasterKinds),
        StepLibrary<DisasterDraft>.Kecamatan(d => d.Kecamatan, (d, v) => d.Kecamatan = v, IsNew, clears: ["desa"]),
        StepLibrary<DisasterDraft>.Desa(d => d.Kecamatan, d => d.Desa, (d, v) => d.Desa = v, IsNew),
        StepLibrary<DisasterDraft>.Date("date", "Tanggal kejadian", "Kapan kejadiannya?", d => d.Date, (d, v) => d.Date = v, IsNew),
        .. VictimFigures.Fields.Select(f => StepLibrary<DisasterDraft>.Count(f.Key, f.Label, f.Prompt,
            d => f.Get(d.Counts), (d, v) => f.Set(d.Counts, v), when: IsNew, group: "korban",
            check: f.Key == "tertangani" ? (ctx, n) => VictimFigures.TertanganiProblem(ctx.Draft.Counts, n) : null)),
    ];

    protected override IReadOnlyList<Invariant<DisasterDraft>> Invariants { get; } =
    [
        Invariant<DisasterDraft>.Of("kind", ctx => !StepLibrary<DisasterDraft>.KnownOrOther(ctx.Draft.Kind, ctx.Reference.Catalogs.DisasterKind)
            ? "Jenis bencana itu tidak ada lagi di katalog. Pilih lagi." : null),
        Invariant<DisasterDraft>.Of("kecamatan", ctx => StepLibrary<DisasterDraft>.KecamatanProblem(ctx, ctx.Draft.Kecamatan)),
        Invariant<DisasterDraft>.Of("date", ctx => StepLibrary<DisasterDraft>.DateProblem(ctx.Today, ctx.Draft.Date!.Value)),
        Invariant<DisasterDraft>.Of("tertangani", ctx => VictimFigures.TertanganiProblem(ctx.Draft.Counts)),
    ];

    protected override async Task<string?> PrepareAsync(FlowContext<DisasterDraft> ctx, string? argument)
    {
        if ((await RecentEvents.InAreaAsync(ctx.Session)).Count == 0) ctx.Draft.Start = NewEvent;
        return null;
    }

    protected override (string Flow, string Argument)? HandoffAfter(FlowContext<DisasterDraft> ctx) =>
        ctx.Draft.Start is { } start && start != NewEvent ? (EventUpdateFlow.FlowName, start) : null;

    protected override string SummaryTitle(FlowContext<DisasterDraft> ctx) => "Periksa laporan bencana Anda:";

    protected override async Task<Func<Reply>> SaveAsync(FlowContext<DisasterDraft> ctx)
    {
        var d = ctx.Draft;
        var admins = await AdminChats.ForTypedEntriesAsync(ctx.Session, d.Kind);
        var counts = d.Counts.ToCounts();
        var e = new DisasterEvent
        {
            KindCode = d.Kind!, Kabupaten = ctx.Reporter!.Kabupaten, Kecamatan = d.Kecamatan!, Desa = d.Desa!,
            EventDate = d.Date!.Value, ReporterId = ctx.Reporter.Id, CreatedAt = ctx.Now, UpdatedAt = ctx.Now, Counts = counts,
        };
        var report = new DisasterReport { ReporterId = ctx.Reporter.Id, ReportedAt = ctx.Now, IsUpdate = false, Counts = counts.Copy() };
        e.Reports.Add(report);
        ctx.Store.AddEvent(e);
        var verifiers = await ReportNotices.VerifiersAsync(ctx.Session, e.Kabupaten, e.Kecamatan);
        return () =>
        {
            AdminChats.NoticeTypedEntries(ctx.Session, admins, e.Number, ("jenis bencana", e.KindCode));
            ReportNotices.ToVerifiers(ctx.Session, verifiers, DisasterVerification.Of(ctx.Session, e, report));
            return $"✅ Laporan bencana tersimpan dengan nomor {e.Number}." +
                   $"\nKorban: {IndonesianFormat.Number(counts.TotalKorban)} jiwa, tertangani {IndonesianFormat.Number(counts.Tertangani)}." +
                   "\nKirim /logistik untuk melaporkan bantuan yang disalurkan.";
        };
    }
}
