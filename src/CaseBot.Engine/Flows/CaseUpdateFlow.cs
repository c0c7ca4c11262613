using System.Globalization;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>/ubah PK-...: a new status (and service, and a note) for an existing PPKS case, with audit rows.</summary>
public sealed class CaseUpdateFlow : FlowDefinition
{
    public override string Name => "ubahkasus";
    public override string Title => "perubahan kasus";

    public override IReadOnlyList<Step> Steps { get; } =
    [
        StepLibrary.Pick("status", "Status", "Status kasus sekarang?", _ =>
            Enum.GetValues<CaseStatus>().Select(s => new Choice(Labels.Status(s), s.ToString())).ToList()),
        StepLibrary.Pick("service", "Layanan", "Layanan apa yang diberikan?", ctx =>
            ctx.Reference.Catalogs.PpksServices.Select(s => new Choice(s.Name, s.Code)).ToList()),
        StepLibrary.Text("note", "Catatan", "Catatan singkat tentang perubahan ini?", 3, 300),
    ];

    public override async Task<string?> StartAsync(FlowContext ctx, string? argument)
    {
        // The same answer whether the case does not exist or is not the user's: no probing for case numbers.
        if (!ReportNumber.TryParse(argument, out var kind, out var year, out var id) || kind != ReportKind.Ppks
            || await ctx.Store.GetCaseAsync(id) is not { } c || c.ReportedOn.Year != year
            || !ReportAccess.CanSee(ctx.Reporter!, c.ReporterId, c.Kabupaten, c.Kecamatan))
            return $"Kasus {argument} tidak ditemukan atau bukan wewenang Anda. Contoh: /ubah PK-2024-0003";
        ctx.Set("_case", id.ToString(CultureInfo.InvariantCulture));
        ctx.Set("_number", c.Number);
        return null;
    }

    public override string SummaryTitle(FlowContext ctx) => $"Periksa perubahan {ctx.Get("_number")}:";

    public override async Task<Func<Reply>> SaveAsync(FlowContext ctx)
    {
        var c = await ctx.Store.GetCaseAsync(int.Parse(ctx.Require("_case"), CultureInfo.InvariantCulture))
                ?? throw new InvalidOperationException("Case vanished.");
        CaseChanges.Apply(ctx, c, Enum.Parse<CaseStatus>(ctx.Require("status")), ctx.Require("service"), ctx.Require("note"));
        return () => $"✅ Kasus {c.Number} diperbarui: status {Labels.Status(c.Status)}.";
    }
}
