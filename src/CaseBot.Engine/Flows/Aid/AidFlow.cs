using CaseBot.Engine.Verification;
using System.Globalization;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

public sealed class AidDraft
{
    public int? EventId { get; set; }
    /// <summary>What the chosen event looked like when chosen: its title for the summary, its desa as a suggestion.</summary>
    public string? EventTitle { get; set; }
    public string? EventDesa { get; set; }
    public DateOnly? EventDate { get; set; }
    public string? Item { get; set; }
    public decimal? Quantity { get; set; }
    public string? Unit { get; set; }
    public int? Recipients { get; set; }
    public string? RecipientUnit { get; set; }
    public string? Place { get; set; }
    public DateOnly? Date { get; set; }
    public string? PhotoFileId { get; set; }
}

/// <summary>/logistik: aid handed out for a recent disaster event (item, quantity, recipients, place, date).</summary>
public sealed class AidFlow : Flow<AidDraft>
{
    private static readonly string[] CommonUnits = ["paket", "porsi", "lembar", "unit", "buah", "kg", "liter", "dus"];

    public override FlowInfo Info { get; } = new()
    {
        Name = "logistik", Title = "laporan logistik", Command = "logistik",
        MenuLine = "Laporkan bantuan logistik yang disalurkan",
    };

    public override ReportKind Report { get; } = new AidReports();

    protected override IReadOnlyList<Step<AidDraft>> DefineSteps() =>
    [
        new()
        {
            Key = "event", Label = "Kejadian", ChoicesOnly = true,
            Prompt = _ => "Bantuan ini untuk kejadian yang mana?",
            Choices = async ctx => (await RecentEvents.InAreaAsync(ctx.Session)).Select(e => RecentEvents.AsChoice(ctx.Session, e)).ToList(),
            Accept = async (ctx, v) =>
            {
                if (await ctx.Store.GetEventAsync(int.Parse(v, CultureInfo.InvariantCulture)) is not { } e)
                    return StepResult.Invalid("Kejadian itu tidak ditemukan lagi.");
                (ctx.Draft.EventId, ctx.Draft.EventTitle, ctx.Draft.EventDesa, ctx.Draft.EventDate) =
                    (e.Id, RecentEvents.Title(ctx.Session, e), e.Desa, e.EventDate);
                return StepResult.Ok;
            },
            IsAnswered = d => d.EventId is not null,
            Clear = d => (d.EventId, d.EventTitle, d.EventDesa, d.EventDate) = (null, null, null, null),
            Display = (_, d) => d.EventTitle,
        },
        .. StepLibrary<AidDraft>.CatalogPick("item", "Jenis bantuan", "Bantuan apa yang disalurkan?", "Ketik jenis bantuannya (contoh: beras):",
            ctx => ctx.Reference.Catalogs.AidItems, d => d.Item, (d, v) => d.Item = v,
            (ctx, code) => ctx.Reference.Catalogs.AidItemName(code), clears: ["unit"], synonyms: ctx => ctx.Reference.Vocabulary.AidItems),
        new()
        {
            Key = "qty", Label = "Jumlah", NumericAnswer = true,
            Prompt = _ => "Berapa jumlahnya? (angka, contoh: 150 atau 2,5)",
            Accept = (ctx, text) =>
            {
                if (!InputParsers.TryParseQuantity(text, out var q))
                    return Task.FromResult(StepResult.Invalid(StepLibrary<AidDraft>.Huge(ctx.Session, "qty", "Jumlah", text)
                                                              ?? "Jumlah harus angka lebih dari 0. Contoh: 150 atau 2,5"));
                if (StepLibrary<AidDraft>.TooLarge(ctx.Session, "qty", "Jumlah", q) is { } tooLarge)
                    return Task.FromResult(StepResult.Invalid(tooLarge));
                ctx.Draft.Quantity = q;
                return Task.FromResult(StepResult.Ok);
            },
            IsAnswered = d => d.Quantity is not null,
            Clear = d => d.Quantity = null,
            Display = (_, d) => d.Quantity is { } q ? IndonesianFormat.Number(q) : null,
        },
        StepLibrary<AidDraft>.Text("unit", "Satuan", "Satuannya apa? Pilih atau ketik (contoh: paket, porsi, lembar).", 1, 20,
            d => d.Unit, (d, v) => d.Unit = v, ctx =>
            {
                var item = ctx.Reference.Catalogs.AidItem(ctx.Draft.Item ?? "");
                return CommonUnits.Prepend(item?.DefaultUnit ?? "paket").Distinct().Select(u => new Choice(u, u)).ToList();
            }),
        StepLibrary<AidDraft>.Count("recipients", "Penerima", "Berapa penerimanya? (angka)", d => d.Recipients, (d, v) => d.Recipients = v,
            check: (_, n) => n == 0 ? "Penerima minimal 1." : null),
        StepLibrary<AidDraft>.Pick("recipient_unit", "Satuan penerima", "Penerimanya dihitung dalam?", _ =>
            [new Choice("Orang", nameof(RecipientUnit.Orang)), new Choice("KK", nameof(RecipientUnit.Kk))],
            d => d.RecipientUnit, (d, v) => d.RecipientUnit = v, synonyms: ctx => ctx.Reference.Vocabulary.RecipientUnits),
        StepLibrary<AidDraft>.Text("place", "Tempat", "Di mana bantuan diserahkan? (nama tempat/desa, atau kirim lokasi)", 2, 100,
            d => d.Place, (d, v) => d.Place = v, ctx => ctx.Draft.EventDesa is { } desa ? [new Choice(desa, desa)] : [], takesLocation: true),
        StepLibrary<AidDraft>.Date("date", "Tanggal penyaluran", "Kapan bantuan diserahkan?", d => d.Date, (d, v) => d.Date = v,
            check: (ctx, date) => date < ctx.Draft.EventDate ? BeforeEvent(ctx.Draft.EventDate.Value) : null),
    ];

    protected override IReadOnlyList<Invariant<AidDraft>> Invariants { get; } =
    [
        new("event", async ctx => await ctx.Store.GetEventAsync(ctx.Draft.EventId!.Value) is { } e && ReportAccess.CanUpdate(ctx.Reporter!, e)
            ? e.Closed ? $"{e.Number} sudah ditutup (tanggap darurat selesai). Pilih kejadian lain." : null
            : "Kejadian itu tidak ditemukan lagi atau bukan di wilayah Anda. Pilih kejadiannya lagi."),
        Invariant<AidDraft>.Of("item", ctx => !StepLibrary<AidDraft>.KnownOrOther(ctx.Draft.Item, ctx.Reference.Catalogs.AidItem)
            ? "Jenis bantuan itu tidak ada lagi di katalog. Pilih lagi." : null),
        Invariant<AidDraft>.Of("recipients", ctx => ctx.Draft.Recipients is null or < 1 ? "Penerima minimal 1." : null),
        Invariant<AidDraft>.Of("date", ctx => StepLibrary<AidDraft>.DateProblem(ctx.Today, ctx.Draft.Date!.Value)),
        new("date", async ctx => await ctx.Store.GetEventAsync(ctx.Draft.EventId!.Value) is { } e && ctx.Draft.Date < e.EventDate
            ? BeforeEvent(e.EventDate) : null),
    ];

    private static string BeforeEvent(DateOnly eventDate) =>
        $"Tanggal penyaluran tidak boleh sebelum tanggal kejadiannya ({IndonesianFormat.Date(eventDate)}).";

    protected override async Task<string?> PrepareAsync(FlowContext<AidDraft> ctx, string? argument) =>
        (await RecentEvents.InAreaAsync(ctx.Session)).Count == 0
            ? "Belum ada kejadian bencana terbuka di wilayah Anda. Laporkan kejadiannya dulu dengan /bencana."
            : null;

    protected override string SummaryTitle(FlowContext<AidDraft> ctx) =>
        "Periksa laporan logistik Anda:" + (ctx.Draft.PhotoFileId is null ? "" : "\n📷 Foto bukti terlampir.");

    protected override string OnPhoto(FlowContext<AidDraft> ctx, string fileId)
    {
        ctx.Draft.PhotoFileId = fileId;
        return "📷 Foto disimpan sebagai bukti penyaluran.";
    }

    protected override async Task<Func<Reply>> SaveAsync(FlowContext<AidDraft> ctx)
    {
        var d = ctx.Draft;
        var disasterEvent = await ctx.Store.GetEventAsync(d.EventId!.Value) ?? throw new InvalidOperationException("The event vanished after its check.");
        var aid = new AidDistribution
        {
            EventId = disasterEvent.Id, Kabupaten = disasterEvent.Kabupaten, Kecamatan = disasterEvent.Kecamatan,
            ItemCode = d.Item!, Quantity = d.Quantity!.Value, Unit = d.Unit!, Recipients = d.Recipients!.Value,
            RecipientUnit = Enum.Parse<RecipientUnit>(d.RecipientUnit!), Place = d.Place!, Date = d.Date!.Value,
            PhotoFileId = d.PhotoFileId, ReporterId = ctx.Reporter!.Id, CreatedAt = ctx.Now,
        };
        ctx.Store.AddAid(aid);
        var admins = await AdminChats.ForTypedEntriesAsync(ctx.Session, aid.ItemCode);
        var verifiers = await ReportNotices.VerifiersAsync(ctx.Session, aid.Kabupaten, aid.Kecamatan);
        return () =>
        {
            AdminChats.NoticeTypedEntries(ctx.Session, admins, aid.Number, ("jenis bantuan", aid.ItemCode));
            ReportNotices.ToVerifiers(ctx.Session, verifiers, AidVerification.Of(ctx.Session, aid));
            return $"✅ Laporan logistik tersimpan dengan nomor {aid.Number}.\n" +
                   $"{IndonesianFormat.Number(aid.Quantity)} {aid.Unit} untuk {IndonesianFormat.Number(aid.Recipients)} {Labels.Recipients(aid.RecipientUnit)}.";
        };
    }
}
