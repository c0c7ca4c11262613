using System.Globalization;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>
/// /bencana: a new disaster event with its victim counts, or new figures for a recent event in the reporter's area.
/// An update adds a <see cref="DisasterReport"/> and audit rows; the earlier figures stay on record.
/// </summary>
public sealed class DisasterFlow : FlowDefinition
{
    public const string NewEvent = "new";
    private const string EventKey = "event";

    private static readonly (string Key, string Label, string Prompt, Func<VictimCounts, int> Get)[] CountFields =
    [
        ("meninggal", "Meninggal", "Berapa korban meninggal (jiwa)?", c => c.Meninggal),
        ("hilang", "Hilang", "Berapa korban hilang (jiwa)?", c => c.Hilang),
        ("luka", "Luka-luka", "Berapa korban luka-luka (jiwa)?", c => c.Luka),
        ("mengungsi", "Mengungsi", "Berapa orang mengungsi (jiwa)?", c => c.Mengungsi),
        ("terdampak_jiwa", "Terdampak (jiwa)", "Berapa jiwa terdampak?", c => c.TerdampakJiwa),
        ("terdampak_kk", "Terdampak (KK)", "Berapa KK terdampak?", c => c.TerdampakKk),
    ];

    public override string Name => "bencana";
    public override string Title => "laporan bencana";

    public override IReadOnlyList<Step> Steps { get; } = BuildSteps();

    private static IReadOnlyList<Step> BuildSteps()
    {
        static bool IsNew(FlowContext ctx) => ctx.Get(EventKey) == NewEvent;
        var steps = new List<Step>
        {
            new()
            {
                Key = EventKey, Label = "Kejadian", Editable = false,
                Prompt = _ => "Laporan untuk kejadian baru, atau pembaruan kejadian yang sudah dilaporkan?",
                ChoicesOnly = true,
                Choices = async ctx => [new Choice("➕ Kejadian baru", NewEvent), .. (await RecentEvents.InAreaAsync(ctx)).Select(e => RecentEvents.AsChoice(ctx, e))],
                Accept = async (ctx, v) =>
                {
                    if (v == NewEvent) ctx.Set(EventKey, NewEvent);
                    else if (await ctx.Store.GetEventAsync(int.Parse(v, CultureInfo.InvariantCulture)) is { } chosen) LoadEvent(ctx, chosen);
                    else return StepResult.Invalid("Kejadian itu tidak ditemukan lagi.");
                    return StepResult.Ok;
                },
                Display = ctx => IsNew(ctx) ? null : ctx.Get("_event_title"),
            },
            StepLibrary.Pick("kind", "Jenis bencana", "Jenis bencana apa?", ctx =>
                ctx.Reference.Catalogs.DisasterKinds.Select(k => new Choice(k.Name, k.Code)).ToList(), IsNew),
            StepLibrary.Kecamatan(when: IsNew, clears: ["desa"]),
            StepLibrary.Desa(when: IsNew),
            StepLibrary.Date("date", "Tanggal kejadian", "Kapan kejadiannya?", when: IsNew),
        };
        steps.AddRange(CountFields.Select(f => StepLibrary.Count(f.Key, f.Label, f.Prompt, current: ctx => Was(ctx, f.Key))));
        steps.Add(StepLibrary.Count("tertangani", "Tertangani",
            "Berapa korban yang sudah tertangani (kebutuhan dasarnya terpenuhi)?",
            current: ctx => Was(ctx, "tertangani"),
            check: (ctx, n) => n > TotalKorban(ctx)
                ? $"Tertangani ({IndonesianFormat.Number(n)}) tidak boleh lebih dari jumlah korban " +
                  $"({IndonesianFormat.Number(TotalKorban(ctx))} = terdampak + meninggal + hilang)."
                : null));
        return steps;
    }

    public override async Task<string?> StartAsync(FlowContext ctx, string? argument)
    {
        if (argument is not null)
        {
            // The same answer whether the number does not exist or is not the user's to update: no probing.
            if (!ReportNumber.TryParse(argument, out var kind, out var year, out var id) || kind != ReportKind.Disaster
                || await ctx.Store.GetEventAsync(id) is not { } chosen || chosen.EventDate.Year != year
                || !ReportAccess.CanUpdateEvent(ctx.Reporter!, chosen))
                return $"Kejadian {argument} tidak ditemukan atau bukan wewenang Anda. Ketik /laporanku untuk melihat nomor laporan Anda.";
            LoadEvent(ctx, chosen);
            return null;
        }
        if ((await RecentEvents.InAreaAsync(ctx)).Count == 0) ctx.Set(EventKey, NewEvent);
        return null;
    }

    public override string SummaryTitle(FlowContext ctx) =>
        ctx.Get(EventKey) == NewEvent ? "Periksa laporan bencana Anda:" : $"Periksa pembaruan {ctx.Get("_event_title")}:";

    /// <summary>Remembers the chosen event's figures so each count question can offer "Tetap".</summary>
    private static void LoadEvent(FlowContext ctx, DisasterEvent e)
    {
        ctx.Set(EventKey, e.Id.ToString(CultureInfo.InvariantCulture));
        ctx.Set("_event_title", RecentEvents.Title(ctx, e));
        foreach (var f in CountFields) ctx.Set("_was_" + f.Key, f.Get(e.Counts).ToString(CultureInfo.InvariantCulture));
        ctx.Set("_was_tertangani", e.Counts.Tertangani.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The event's figure before this update, when updating.</summary>
    private static int? Was(FlowContext ctx, string key) =>
        ctx.Get("_was_" + key) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;

    private static int TotalKorban(FlowContext ctx) =>
        ctx.GetInt("terdampak_jiwa") + ctx.GetInt("meninggal") + ctx.GetInt("hilang");

    private static VictimCounts CountsFrom(FlowContext ctx) => new()
    {
        Meninggal = ctx.GetInt("meninggal"), Hilang = ctx.GetInt("hilang"), Luka = ctx.GetInt("luka"),
        Mengungsi = ctx.GetInt("mengungsi"), TerdampakJiwa = ctx.GetInt("terdampak_jiwa"),
        TerdampakKk = ctx.GetInt("terdampak_kk"), Tertangani = ctx.GetInt("tertangani"),
    };

    public override async Task<Func<Reply>> SaveAsync(FlowContext ctx)
    {
        var counts = CountsFrom(ctx);
        var reporterId = ctx.Reporter!.Id;
        DisasterEvent e;
        if (ctx.Get(EventKey) == NewEvent)
        {
            e = new DisasterEvent
            {
                KindCode = ctx.Require("kind"), Kabupaten = ctx.Reporter.Kabupaten, Kecamatan = ctx.Require("kecamatan"),
                Desa = ctx.Require("desa"), EventDate = StepLibrary.ParseDate(ctx.Require("date")),
                ReporterId = reporterId, CreatedAt = ctx.Now, UpdatedAt = ctx.Now, Counts = counts,
            };
            ctx.Store.AddEvent(e);
        }
        else
        {
            e = await ctx.Store.GetEventAsync(int.Parse(ctx.Require(EventKey), CultureInfo.InvariantCulture))
                ?? throw new InvalidOperationException("The event being updated no longer exists.");
            foreach (var (field, old, now) in Changes(e.Counts, counts))
                ctx.Store.AddAudit(new AuditEntry { Subject = e.Number, Field = field, OldValue = old, NewValue = now, ByReporterId = reporterId, At = ctx.Now });
            e.Counts = counts;
            e.UpdatedAt = ctx.Now;
        }
        e.Reports.Add(new DisasterReport { ReporterId = reporterId, ReportedAt = ctx.Now, IsUpdate = e.Id != 0, Counts = counts.Copy() });
        var isUpdate = e.Id != 0;
        return () => (isUpdate ? $"✅ Pembaruan {e.Number} tersimpan." : $"✅ Laporan bencana tersimpan dengan nomor {e.Number}.") +
                     $"\nKorban: {IndonesianFormat.Number(counts.TotalKorban)} jiwa, tertangani {IndonesianFormat.Number(counts.Tertangani)}." +
                     "\nKirim /logistik untuk melaporkan bantuan yang disalurkan.";
    }

    private static IEnumerable<(string Field, string Old, string New)> Changes(VictimCounts before, VictimCounts after)
    {
        foreach (var f in CountFields.Append(("tertangani", "", "", c => c.Tertangani)))
            if (f.Get(before) != f.Get(after))
                yield return (f.Key, f.Get(before).ToString(CultureInfo.InvariantCulture), f.Get(after).ToString(CultureInfo.InvariantCulture));
    }
}
