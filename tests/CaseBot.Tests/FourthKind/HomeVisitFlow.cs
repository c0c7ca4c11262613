using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;
using CaseBot.Reporting.Exports;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.FourthKind;

public sealed class HomeVisitDraft
{
    public string? Kecamatan { get; set; }
    public string? Desa { get; set; }
    public int? Households { get; set; }
    public DateOnly? Date { get; set; }
}

/// <summary>/kunjungan: the flow declares its command, menu line, roles, report kind (number, /status, /laporanku,
/// export sheet key) and its rules; the engine, /status, /laporanku, /ubah and /ekspor need no change.</summary>
public sealed class HomeVisitFlow : Flow<HomeVisitDraft>
{
    public override FlowInfo Info { get; } = new()
    {
        Name = "kunjungan", Title = "laporan kunjungan rumah", Command = "kunjungan", Aliases = ["kunjungi"],
        MenuLine = "Laporkan kunjungan rumah", Roles = new HashSet<ReporterRole> { ReporterRole.Tksk },
    };

    public override ReportKind Report { get; } = new HomeVisits();

    protected override IReadOnlyList<Step<HomeVisitDraft>> DefineSteps() =>
    [
        StepLibrary<HomeVisitDraft>.Kecamatan(d => d.Kecamatan, (d, v) => d.Kecamatan = v, clears: ["desa"]),
        StepLibrary<HomeVisitDraft>.Desa(d => d.Kecamatan, d => d.Desa, (d, v) => d.Desa = v),
        StepLibrary<HomeVisitDraft>.Count("households", "Rumah dikunjungi", "Berapa rumah yang dikunjungi?", d => d.Households,
            (d, v) => d.Households = v, check: (_, n) => n == 0 ? "Minimal 1 rumah." : null),
        StepLibrary<HomeVisitDraft>.Date("date", "Tanggal", "Kapan kunjungannya?", d => d.Date, (d, v) => d.Date = v),
    ];

    protected override IReadOnlyList<Invariant<HomeVisitDraft>> Invariants { get; } =
    [
        Invariant<HomeVisitDraft>.Of("kecamatan", ctx => StepLibrary<HomeVisitDraft>.KecamatanProblem(ctx, ctx.Draft.Kecamatan)),
        Invariant<HomeVisitDraft>.Of("households", ctx => ctx.Draft.Households is null or < 1 ? "Minimal 1 rumah." : null),
    ];

    protected override Task<Func<Reply>> SaveAsync(FlowContext<HomeVisitDraft> ctx)
    {
        var visit = new HomeVisit
        {
            Kabupaten = ctx.Reporter!.Kabupaten, Kecamatan = ctx.Draft.Kecamatan!, Desa = ctx.Draft.Desa!,
            Households = ctx.Draft.Households!.Value, Date = ctx.Draft.Date!.Value, ReporterId = ctx.Reporter.Id, CreatedAt = ctx.Now,
        };
        ctx.Store.Add(visit);
        return Task.FromResult<Func<Reply>>(() => $"✅ Laporan kunjungan tersimpan dengan nomor {visit.Number}.");
    }
}

public sealed class HomeVisits : ReportKind
{
    public override string Prefix => HomeVisit.Prefix;
    public override string Title => "laporan kunjungan rumah";
    public override string ExportKey => "kunjungan";

    public override async Task<Reply?> ShowAsync(FlowSession session, int id, int year) =>
        await session.Store.FindAsync<HomeVisit>(id) is { } v && v.Date.Year == year
        && ReportAccess.CanSee(session.Reporter!, v.ReporterId, v.Kabupaten, v.Kecamatan)
            ? new Reply($"{v.Number} Kunjungan rumah\nDesa {v.Desa}, Kec. {v.Kecamatan}; {IndonesianFormat.Date(v.Date)}\n{v.Households} rumah")
            : null;

    public override async Task<IReadOnlyList<ReportLine>> RecentByAsync(FlowSession session, int reporterId, int take) =>
        (await session.Store.ListAsync<HomeVisit>(v => v.ReporterId == reporterId, v => v.CreatedAt, take))
        .Select(v => new ReportLine(v.Number, $"Kunjungan rumah, Desa {v.Desa}", v.CreatedAt)).ToList();
}

public sealed class HomeVisitSheet : IReportSheet
{
    public string Key => "kunjungan";

    public async Task<Sheet> BuildAsync(CaseBotDbContext db, ExportRequest r, CancellationToken ct)
    {
        var visits = await db.Set<HomeVisit>().AsNoTracking().Where(v => v.Date >= r.From && v.Date <= r.To).OrderBy(v => v.Id).ToListAsync(ct);
        return new Sheet("Kunjungan Rumah", ["Nomor", "Kecamatan", "Desa", "Rumah", "Tanggal"],
            visits.Select(v => new object?[] { v.Number, v.Kecamatan, v.Desa, v.Households, v.Date.ToDateTime(TimeOnly.MinValue) }).ToList());
    }
}
