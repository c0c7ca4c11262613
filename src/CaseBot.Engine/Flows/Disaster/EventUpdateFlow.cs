using CaseBot.Engine.Verification;
using System.Text.Json.Serialization;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

public sealed class EventUpdateDraft
{
    public int EventId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The event's version when <see cref="Before"/> was read.</summary>
    public int BaseVersion { get; set; }
    public VictimFigures Before { get; set; } = new();
    public VictimFigures After { get; set; } = new();

    [JsonIgnore]
    public IEnumerable<VictimField> Changed => VictimFigures.Fields.Where(f => f.Get(Before) != f.Get(After));
}

/// <summary>
/// /ubah BC-… (or an event chosen in /bencana): new figures for an existing event, asked as changes. The current
/// figures are shown, the reporter picks the ones that changed, the summary shows old → new. Saving applies only
/// those changes; when someone else saved in between, the changes are laid over the newer figures and confirmed again.
/// </summary>
public sealed class EventUpdateFlow : Flow<EventUpdateDraft>
{
    public const string FlowName = "ubahbencana";

    public override FlowInfo Info { get; } = new() { Name = FlowName, Title = "pembaruan kejadian bencana" };

    protected override IReadOnlyList<Step<EventUpdateDraft>> DefineSteps() =>
        VictimFigures.Fields.Select(f => StepLibrary<EventUpdateDraft>.Count(f.Key, f.Label,
            f.Prompt, d => f.Get(d.After), (d, v) => f.Set(d.After, v),
            check: f.Key == "tertangani" ? (ctx, n) => VictimFigures.TertanganiProblem(ctx.Draft.After, n) : null)).ToList();

    protected override IReadOnlyList<Invariant<EventUpdateDraft>> Invariants { get; } =
    [
        new(null, async ctx => await ctx.Store.GetEventAsync(ctx.Draft.EventId) is { } e && ReportAccess.CanUpdate(ctx.Reporter!, e)
            ? e.Closed ? $"{EventClosing.AlreadyClosed(ctx.Reference, e)}\nKetik /batal." : null
            : "Kejadian ini tidak bisa lagi Anda perbarui. Ketik /batal."),
        Invariant<EventUpdateDraft>.Of(null, ctx => ctx.Draft.Changed.Any()
            ? null : "Belum ada angka yang diubah. Pilih Ubah untuk mengganti angka, atau Batal."),
        Invariant<EventUpdateDraft>.Of("tertangani", ctx => VictimFigures.TertanganiProblem(ctx.Draft.After)),
    ];

    protected override bool StartsAtEditMenu => true;

    protected override async Task<string?> PrepareAsync(FlowContext<EventUpdateDraft> ctx, string? argument)
    {
        // The same answer whether the number does not exist or is not the user's to update: no probing.
        if (await DisasterReports.FindEventAsync(ctx.Store, argument) is not { } e || !ReportAccess.CanUpdate(ctx.Reporter!, e))
            return $"Kejadian {argument} tidak ditemukan atau bukan wewenang Anda. Ketik /laporanku untuk melihat nomor laporan Anda.";
        if (e.Closed) return EventClosing.AlreadyClosed(ctx.Reference, e);
        Load(ctx, e);
        return null;
    }

    private static void Load(FlowContext<EventUpdateDraft> ctx, DisasterEvent e)
    {
        ctx.Draft.EventId = e.Id;
        ctx.Draft.Title = RecentEvents.Title(ctx.Session, e);
        ctx.Draft.BaseVersion = e.Version;
        ctx.Draft.Before = VictimFigures.From(e.Counts);
        ctx.Draft.After = VictimFigures.From(e.Counts);
    }

    protected override EventUpdateDraft Original(EventUpdateDraft draft) => new() { Before = draft.Before, After = draft.Before };

    protected override string EditMenuText(FlowContext<EventUpdateDraft> ctx) =>
        $"Angka {ctx.Draft.Title} sekarang:\n{string.Join("\n", SummaryLines(ctx))}\n\nAngka mana yang berubah?";

    protected override string SummaryTitle(FlowContext<EventUpdateDraft> ctx) => $"Periksa pembaruan {ctx.Draft.Title}:";

    protected override async Task<string?> RebaseAsync(FlowContext<EventUpdateDraft> ctx)
    {
        if (await ctx.Store.GetEventAsync(ctx.Draft.EventId) is not { } e || e.Version == ctx.Draft.BaseVersion) return null;
        var changed = ctx.Draft.Changed.ToList();
        var mine = changed.Select(f => (f, f.Get(ctx.Draft.After))).ToList();
        Load(ctx, e);
        foreach (var (field, value) in mine) field.Set(ctx.Draft.After, value);
        var yours = string.Join(", ", changed.Select(f => $"{f.Label} {Number(f.Get(ctx.Draft.Before))} → {Number(f.Get(ctx.Draft.After))}"));
        return $"⚠️ Sementara Anda mengisi, {ctx.Draft.Title} sudah diperbarui orang lain. Angka terbaru sudah dipakai di bawah; " +
               $"perubahan Anda tetap: {yours}. Periksa lagi, lalu tekan Simpan.";
    }

    protected override async Task<Func<Reply>> SaveAsync(FlowContext<EventUpdateDraft> ctx)
    {
        var e = await ctx.Store.GetEventAsync(ctx.Draft.EventId) ?? throw new InvalidOperationException("The event vanished after its check.");
        var reporterId = ctx.Reporter!.Id;
        var before = e.Counts.Copy();
        var counts = VictimFigures.From(e.Counts);
        foreach (var field in ctx.Draft.Changed.ToList())
        {
            ctx.Store.AddAudit(new AuditEntry
            {
                Subject = e.Number, Field = field.Key, OldValue = Number(field.Get(counts), invariant: true),
                NewValue = Number(field.Get(ctx.Draft.After), invariant: true), ByReporterId = reporterId, At = ctx.Now,
            });
            field.Set(counts, field.Get(ctx.Draft.After));
        }
        e.Counts = counts.ToCounts();
        e.UpdatedAt = ctx.Now;
        var report = new DisasterReport { ReporterId = reporterId, ReportedAt = ctx.Now, IsUpdate = true, Counts = e.Counts.Copy() };
        e.Reports.Add(report);
        var saved = e.Counts;
        var verifiers = await ReportNotices.VerifiersAsync(ctx.Session, e.Kabupaten, e.Kecamatan);
        return () =>
        {
            ReportNotices.ToVerifiers(ctx.Session, verifiers, DisasterVerification.Of(ctx.Session, e, report, before));
            return $"✅ Pembaruan {e.Number} tersimpan." +
                   $"\nKorban: {IndonesianFormat.Number(saved.TotalKorban)} jiwa, tertangani {IndonesianFormat.Number(saved.Tertangani)}." +
                   "\nKirim /logistik untuk melaporkan bantuan yang disalurkan.";
        };
    }

    private static string Number(int? n, bool invariant = false) =>
        invariant ? (n ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture) : IndonesianFormat.Number(n ?? 0);
}
