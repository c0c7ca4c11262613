using System.Globalization;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>
/// /ppks: a person or household in need. When the NIK, or the name in the same desa, already has a case,
/// the reporter may add this report to that case instead of creating a duplicate.
/// </summary>
public sealed class PpksFlow : FlowDefinition
{
    public const string SkipNik = "-";
    public const string CreateNew = "new";
    private const string DuplicatesKey = "_dups";
    private const string AttachPrefix = "a:";

    public override string Name => "ppks";
    public override string Title => "laporan PPKS";

    private static bool Attaching(FlowContext ctx) => ctx.Get("dup")?.StartsWith(AttachPrefix, StringComparison.Ordinal) == true;
    private static bool IsHousehold(FlowContext ctx) => ctx.Reference.Catalogs.PpksType(ctx.Get("type") ?? "")?.Unit == "KK";

    public override IReadOnlyList<Step> Steps { get; } =
    [
        StepLibrary.Pick("type", "Jenis PPKS", "Jenis PPKS apa?", ctx =>
            ctx.Reference.Catalogs.PpksTypes.Select(t => new Choice(t.Name, t.Code)).ToList()),
        WithDuplicateCheck(StepLibrary.Text("name", "Nama", "Nama lengkap (untuk keluarga: nama kepala keluarga)?", 3, 100)),
        WithDuplicateCheck(new Step
        {
            Key = "nik", Label = "NIK",
            Prompt = _ => "NIK (16 angka)? Tekan Lewati bila tidak ada.",
            Choices = _ => Task.FromResult<IReadOnlyList<Choice>>([new Choice("Lewati", SkipNik)]),
            Accept = (ctx, text) =>
            {
                var skip = text == SkipNik || InputParsers.Normalize(text) is "lewati" or "tidak ada" or "tidak";
                if (skip) { ctx.Set("nik", SkipNik); return Task.FromResult(StepResult.Ok); }
                if (!Nik.IsValid(text)) return Task.FromResult(StepResult.Invalid(Nik.ExplainInvalid(text) + " Atau tekan Lewati."));
                ctx.Set("nik", Nik.Clean(text));
                return Task.FromResult(StepResult.Ok);
            },
            Display = ctx => ctx.Get("nik") is { } v ? (v == SkipNik ? "(tidak ada)" : v) : null,
        }),
        StepLibrary.Kecamatan(clears: ["desa"]),
        WithDuplicateCheck(StepLibrary.Desa()),
        new()
        {
            Key = "dup", Label = "Kasus yang sama", ChoicesOnly = true,
            When = ctx => ctx.Get(DuplicatesKey) is not null,
            Prompt = ctx => "⚠️ Sudah ada kasus yang mungkin orang yang sama:\n" + ctx.Get("_dups_text") +
                            "\nTambahkan laporan ini ke kasus itu, atau tetap buat kasus baru?",
            Choices = ctx => Task.FromResult<IReadOnlyList<Choice>>(
                [.. (ctx.Get(DuplicatesKey) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id =>
                    new Choice($"Tambahkan ke {ctx.Get("_dupnum_" + id)}", AttachPrefix + id)),
                 new Choice("Tetap buat kasus baru", CreateNew)]),
            Accept = (ctx, v) => { ctx.Set("dup", v); return Task.FromResult(StepResult.Ok); },
            Display = ctx => Attaching(ctx) ? $"ditambahkan ke {ctx.Get("_dupnum_" + ctx.Get("dup")![AttachPrefix.Length..])}" : "kasus baru",
        },
        StepLibrary.Pick("sex", "Jenis kelamin", "Jenis kelamin?", _ =>
            [new Choice("Laki-laki", nameof(Sex.LakiLaki)), new Choice("Perempuan", nameof(Sex.Perempuan))],
            when: ctx => !Attaching(ctx)),
        new()
        {
            Key = "age", Label = "Umur", When = ctx => !Attaching(ctx),
            Prompt = ctx => IsHousehold(ctx) ? "Umur kepala keluarga (tahun) atau tanggal lahirnya?" : "Umur (tahun) atau tanggal lahir?",
            Accept = (ctx, text) =>
            {
                if (!InputParsers.TryParseAge(text, ctx.Today, out var years))
                    return Task.FromResult(StepResult.Invalid("Umur tidak dikenali. Contoh: 45, 45 tahun, atau 12/03/1980."));
                ctx.Set("age", years.ToString(CultureInfo.InvariantCulture));
                return Task.FromResult(StepResult.Ok);
            },
            Display = ctx => ctx.Get("age") is { } v ? $"{v} tahun" : null,
        },
        StepLibrary.Text("desc", "Keterangan", "Ceritakan singkat kondisinya (maks. 500 huruf).", 3, 500),
        StepLibrary.Pick("service", "Layanan", "Layanan apa yang diberikan?", ctx =>
            ctx.Reference.Catalogs.PpksServices.Select(s => new Choice(s.Name, s.Code)).ToList()),
        StepLibrary.Pick("status", "Status", "Status kasus sekarang?", _ =>
            Enum.GetValues<CaseStatus>().Select(s => new Choice(Labels.Status(s), s.ToString())).ToList()),
    ];

    /// <summary>After the name, NIK or desa changes, look again for cases of the same person.</summary>
    private static Step WithDuplicateCheck(Step step) => new()
    {
        Key = step.Key, Label = step.Label, Prompt = step.Prompt, Choices = step.Choices, ChoicesOnly = step.ChoicesOnly,
        When = step.When, Display = step.Display, Editable = step.Editable, Clears = step.Clears,
        Accept = async (ctx, text) =>
        {
            var result = await step.Accept(ctx, text);
            if (result.Accepted) await RefreshDuplicatesAsync(ctx);
            return result;
        },
    };

    private static async Task RefreshDuplicatesAsync(FlowContext ctx)
    {
        var nik = ctx.Get("nik") is { } n && n != SkipNik ? n : null;
        if (ctx.Get("name") is not { } name || ctx.Get("desa") is not { } desa || ctx.Get("kecamatan") is not { } kec)
        {
            if (nik is null) return; // not enough to compare yet
            name = ctx.Get("name") ?? ""; desa = ""; kec = "";
        }
        var found = await ctx.Store.FindPossibleDuplicatesAsync(nik, name, kec, desa);
        var ids = string.Join(',', found.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)));
        if (ids == (ctx.Get(DuplicatesKey) ?? "")) return;
        ctx.Data.Remove("dup");
        if (found.Count == 0) { ctx.Data.Remove(DuplicatesKey); return; }
        ctx.Set(DuplicatesKey, ids);
        foreach (var c in found) ctx.Set("_dupnum_" + c.Id.ToString(CultureInfo.InvariantCulture), c.Number);
        ctx.Set("_dups_text", string.Join("\n", found.Select(c =>
        {
            var sameNik = nik is not null && c.Nik == nik;
            // Someone else's case outside what this reporter may see: its number and why it matched, no personal data.
            if (!ReportAccess.CanSee(ctx.Reporter!, c.ReporterId, c.Kabupaten, c.Kecamatan))
                return $"• {c.Number} (dilaporkan pelapor lain; {(sameNik ? "NIK sama" : "nama sama di desa yang sama")})";
            return $"• {c.Number}: {c.Name}, {TypeName(ctx, c.TypeCode)}, Desa {c.Desa}, status {Labels.Status(c.Status)}" +
                   (sameNik ? " (NIK sama)" : "");
        })));
    }

    private static string TypeName(FlowContext ctx, string code) => ctx.Reference.Catalogs.PpksType(code)?.Name ?? code;

    public override async Task<Func<Reply>> SaveAsync(FlowContext ctx)
    {
        var status = Enum.Parse<CaseStatus>(ctx.Require("status"));
        var reporterId = ctx.Reporter!.Id;
        if (Attaching(ctx))
        {
            var id = int.Parse(ctx.Require("dup")[AttachPrefix.Length..], CultureInfo.InvariantCulture);
            var existing = await ctx.Store.GetCaseAsync(id) ?? throw new InvalidOperationException("Duplicate case vanished.");
            CaseChanges.Apply(ctx, existing, status, ctx.Require("service"), ctx.Require("desc"));
            return () => $"✅ Laporan ditambahkan ke kasus {existing.Number} (status {Labels.Status(existing.Status)}).";
        }
        var nik = ctx.Require("nik");
        var created = new PpksCase
        {
            TypeCode = ctx.Require("type"), Name = ctx.Require("name"), Nik = nik == SkipNik ? null : nik,
            Sex = Enum.Parse<Sex>(ctx.Require("sex")), Age = ctx.GetInt("age"),
            Kabupaten = ctx.Reporter.Kabupaten, Kecamatan = ctx.Require("kecamatan"), Desa = ctx.Require("desa"),
            Description = ctx.Require("desc"), ServiceCode = ctx.Require("service"), Status = status,
            ReporterId = reporterId, ReportedOn = ctx.Today, CreatedAt = ctx.Now, UpdatedAt = ctx.Now,
            HandledAt = status is CaseStatus.Ditangani or CaseStatus.Selesai ? ctx.Now : null,
        };
        ctx.Store.AddCase(created);
        return () => $"✅ Kasus PPKS tersimpan dengan nomor {created.Number}.";
    }
}
