using System.Globalization;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>/logistik: aid handed out for a recent disaster event (item, quantity, recipients, place, date).</summary>
public sealed class AidFlow : FlowDefinition
{
    public const string PhotoKey = "photo";
    private static readonly string[] CommonUnits = ["paket", "porsi", "lembar", "unit", "buah", "kg", "liter", "dus"];

    public override string Name => "logistik";
    public override string Title => "laporan logistik";

    public override IReadOnlyList<Step> Steps { get; } =
    [
        new()
        {
            Key = "event", Label = "Kejadian", Editable = true, ChoicesOnly = true,
            Prompt = _ => "Bantuan ini untuk kejadian yang mana?",
            Choices = async ctx => (await RecentEvents.InAreaAsync(ctx)).Select(e => RecentEvents.AsChoice(ctx, e)).ToList(),
            Accept = async (ctx, v) =>
            {
                if (await ctx.Store.GetEventAsync(int.Parse(v, CultureInfo.InvariantCulture)) is not { } e)
                    return StepResult.Invalid("Kejadian itu tidak ditemukan lagi.");
                ctx.Set("event", v);
                ctx.Set("_event_title", RecentEvents.Title(ctx, e));
                ctx.Set("_event_desa", e.Desa);
                ctx.Set("_event_date", e.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return StepResult.Ok;
            },
            Display = ctx => ctx.Get("_event_title"),
        },
        StepLibrary.Pick("item", "Jenis bantuan", "Bantuan apa yang disalurkan?", ctx =>
            ctx.Reference.Catalogs.AidItems.Select(i => new Choice(i.Name, i.Code)).ToList(), clears: ["unit"]),
        new()
        {
            Key = "qty", Label = "Jumlah",
            Prompt = _ => "Berapa jumlahnya? (angka, contoh: 150 atau 2,5)",
            Accept = (ctx, text) =>
            {
                if (!InputParsers.TryParseQuantity(text, out var q))
                    return Task.FromResult(StepResult.Invalid("Jumlah harus angka lebih dari 0. Contoh: 150 atau 2,5"));
                ctx.Set("qty", q.ToString(CultureInfo.InvariantCulture));
                return Task.FromResult(StepResult.Ok);
            },
            Display = ctx => ctx.Get("qty") is { } v ? IndonesianFormat.Number(decimal.Parse(v, CultureInfo.InvariantCulture)) : null,
        },
        StepLibrary.Text("unit", "Satuan", "Satuannya apa? Pilih atau ketik (contoh: paket, porsi, lembar).", 1, 20, ctx =>
        {
            var item = ctx.Reference.Catalogs.AidItem(ctx.Get("item") ?? "");
            return CommonUnits.Prepend(item?.DefaultUnit ?? "paket").Distinct().Select(u => new Choice(u, u)).ToList();
        }),
        StepLibrary.Count("recipients", "Penerima", "Berapa penerimanya? (angka)",
            check: (_, n) => n == 0 ? "Penerima minimal 1." : null),
        StepLibrary.Pick("recipient_unit", "Satuan penerima", "Penerimanya dihitung dalam?", _ =>
            [new Choice("Orang", nameof(RecipientUnit.Orang)), new Choice("KK", nameof(RecipientUnit.Kk))]),
        StepLibrary.Text("place", "Tempat", "Di mana bantuan diserahkan? (nama tempat/desa, atau kirim lokasi)", 2, 100,
            ctx => ctx.Get("_event_desa") is { } desa ? [new Choice(desa, desa)] : []),
        StepLibrary.Date("date", "Tanggal penyaluran", "Kapan bantuan diserahkan?",
            notBefore: ctx => ctx.Get("_event_date") is { } d ? StepLibrary.ParseDate(d) : null),
    ];

    public override async Task<string?> StartAsync(FlowContext ctx, string? argument) =>
        (await RecentEvents.InAreaAsync(ctx)).Count == 0
            ? "Belum ada kejadian bencana terbuka di wilayah Anda. Laporkan kejadiannya dulu dengan /bencana."
            : null;

    public override string SummaryTitle(FlowContext ctx) =>
        "Periksa laporan logistik Anda:" + (ctx.Get(PhotoKey) is null ? "" : "\n📷 Foto bukti terlampir.");

    public override async Task<Func<Reply>> SaveAsync(FlowContext ctx)
    {
        var disasterEvent = await ctx.Store.GetEventAsync(int.Parse(ctx.Require("event"), CultureInfo.InvariantCulture))
                            ?? throw new InvalidOperationException("The event of this aid no longer exists.");
        var aid = new AidDistribution
        {
            EventId = disasterEvent.Id, Kabupaten = disasterEvent.Kabupaten, Kecamatan = disasterEvent.Kecamatan,
            ItemCode = ctx.Require("item"),
            Quantity = decimal.Parse(ctx.Require("qty"), CultureInfo.InvariantCulture),
            Unit = ctx.Require("unit"),
            Recipients = ctx.GetInt("recipients"),
            RecipientUnit = Enum.Parse<RecipientUnit>(ctx.Require("recipient_unit")),
            Place = ctx.Require("place"),
            Date = StepLibrary.ParseDate(ctx.Require("date")),
            PhotoFileId = ctx.Get(PhotoKey),
            ReporterId = ctx.Reporter!.Id,
            CreatedAt = ctx.Now,
        };
        ctx.Store.AddAid(aid);
        return () =>
            $"✅ Laporan logistik tersimpan dengan nomor {aid.Number}.\n" +
            $"{IndonesianFormat.Number(aid.Quantity)} {aid.Unit} untuk {IndonesianFormat.Number(aid.Recipients)} {Labels.Recipients(aid.RecipientUnit)}.";
    }
}
