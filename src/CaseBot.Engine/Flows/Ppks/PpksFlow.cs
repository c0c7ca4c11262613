using CaseBot.Engine.Verification;
using System.Text.Json.Serialization;
using System.Globalization;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

public sealed class PpksDraft
{
    public string? Type { get; set; }
    public string? Name { get; set; }
    /// <summary>16 digits, or <see cref="PpksFlow.NoNik"/>.</summary>
    public string? Nik { get; set; }
    public string? Kecamatan { get; set; }
    public string? Desa { get; set; }
    /// <summary>Cases in the reporter's area that may be the same person (found, not answered).</summary>
    public List<DuplicateOffer> Offers { get; set; } = [];
    /// <summary><see cref="PpksFlow.CreateNew"/> or the id of an offered case to add this report to.</summary>
    public string? Duplicate { get; set; }
    public string? Sex { get; set; }
    public int? Age { get; set; }
    /// <summary>What the NIK says (its date and sex digits), to prefill and to mark "(dari NIK)" on the summary.</summary>
    public string? NikSex { get; set; }
    public int? NikAge { get; set; }
    /// <summary>An age already questioned against the type: typed again, it stands.</summary>
    public int? AgeQuestioned { get; set; }
    public string? Description { get; set; }
    public string? Service { get; set; }
    public string? Status { get; set; }

    [JsonIgnore]
    public int? AttachTo => Duplicate is { } d && d != PpksFlow.CreateNew ? int.Parse(d, CultureInfo.InvariantCulture) : null;
}

public sealed record DuplicateOffer(int Id, string Number, string Text);

/// <summary>
/// /ppks: a person or household in need. When the NIK, or the name in the same desa, already has a case in the
/// reporter's area, the reporter may add this report to it. A match outside their area is never named to them: the
/// new case is linked to it as a possible duplicate for officers to resolve.
/// </summary>
public sealed class PpksFlow : Flow<PpksDraft>
{
    public const string NoNik = "-";
    public const string CreateNew = "new";

    public override FlowInfo Info { get; } = new()
    {
        Name = "ppks", Title = "laporan PPKS", Command = "ppks", MenuLine = "Laporkan kasus PPKS",
    };

    public override ReportKind Report { get; } = new PpksReports();

    private static bool Attaching(FlowContext<PpksDraft> ctx) => ctx.Draft.AttachTo is not null;
    private static bool IsHousehold(FlowContext<PpksDraft> ctx) => ctx.Reference.Catalogs.PpksType(ctx.Draft.Type ?? "")?.Unit == "KK";

    protected override IReadOnlyList<Step<PpksDraft>> DefineSteps() =>
    [
        StepLibrary<PpksDraft>.Pick("type", "Jenis PPKS", "Jenis PPKS apa?", ctx =>
            ctx.Reference.Catalogs.PpksTypes.Select(t => new Choice(t.Name, t.Code)).ToList(), d => d.Type, (d, v) => d.Type = v,
            synonyms: ctx => ctx.Reference.Vocabulary.PpksTypes),
        WithDuplicateCheck(StepLibrary<PpksDraft>.Text("name", "Nama", "Nama lengkap (untuk keluarga: nama kepala keluarga)?", 3, 100,
            d => d.Name, (d, v) => d.Name = v)),
        WithDuplicateCheck(new Step<PpksDraft>
        {
            Key = "nik", Label = "NIK", NumericAnswer = true,
            Prompt = _ => "NIK (16 angka)? Tekan Lewati bila tidak ada.",
            Accept = (ctx, text) =>
            {
                if (InputParsers.Normalize(text) is "tidak ada" or "tidak" or "-") { ctx.Draft.Nik = NoNik; return Task.FromResult(StepResult.Ok); }
                if (!Nik.IsValid(text)) return Task.FromResult(StepResult.Invalid(Nik.ExplainInvalid(text) + " Atau tekan Lewati."));
                ctx.Draft.Nik = Nik.Clean(text);
                TakeBirthFromNik(ctx);
                return Task.FromResult(StepResult.Ok);
            },
            Skip = d => d.Nik = NoNik,
            IsAnswered = d => d.Nik is not null,
            Clear = d => d.Nik = null,
            Display = (_, d) => d.Nik is { } v ? (v == NoNik ? "(tidak ada)" : v) : null,
        }),
        StepLibrary<PpksDraft>.Kecamatan(d => d.Kecamatan, (d, v) => d.Kecamatan = v, clears: ["desa"]),
        WithDuplicateCheck(StepLibrary<PpksDraft>.Desa(d => d.Kecamatan, d => d.Desa, (d, v) => d.Desa = v)),
        SexStep(),
        new()
        {
            Key = "age", Label = "Umur", When = ctx => !Attaching(ctx), NumericAnswer = true,
            Prompt = ctx => IsHousehold(ctx) ? "Umur kepala keluarga (tahun) atau tanggal lahirnya?" : "Umur (tahun) atau tanggal lahir?",
            Accept = (ctx, text) =>
            {
                if (!InputParsers.TryParseAge(text, ctx.Today, out var years))
                    return Task.FromResult(StepResult.Invalid("Umur tidak dikenali. Contoh: 45, 45 tahun, atau 12/03/1980."));
                // A contradiction is questioned once; the same age again goes on, and the type is asked again at Simpan.
                if (AgeProblem(ctx, years) is { } problem && ctx.Draft.AgeQuestioned != years)
                {
                    ctx.Draft.AgeQuestioned = years;
                    return Task.FromResult(StepResult.Invalid($"{problem} Bila umur itu benar, ketik lagi {years}: jenis PPKS bisa diganti sesudahnya."));
                }
                ctx.Draft.Age = years;
                return Task.FromResult(StepResult.Ok);
            },
            IsAnswered = d => d.Age is not null,
            Clear = d => d.Age = null,
            Display = (_, d) => d.Age is { } v ? $"{v} tahun" + (v == d.NikAge ? " (dari NIK)" : "") : null,
        },
        StepLibrary<PpksDraft>.Text("desc", "Keterangan", "Ceritakan singkat kondisinya (maks. 500 huruf).", 3, 500,
            d => d.Description, (d, v) => d.Description = v),
        .. ServiceSteps<PpksDraft>(d => d.Service, (d, v) => d.Service = v),
        StepLibrary<PpksDraft>.Pick("status", "Status", "Status kasus sekarang?", _ => StatusChoices, d => d.Status, (d, v) => d.Status = v),
        // After the form, never between two of its questions: a number meant for one must not press the other.
        new()
        {
            Key = "dup", Label = "Kasus yang sama", ChoicesOnly = true,
            When = ctx => ctx.Draft.Offers.Count > 0,
            Prompt = ctx => "⚠️ Di wilayah Anda sudah ada kasus yang mungkin orang yang sama:\n" +
                            string.Join("\n", ctx.Draft.Offers.Select(o => o.Text)) +
                            "\nTambahkan laporan ini ke kasus itu, atau tetap buat kasus baru?",
            Choices = ctx => Task.FromResult<IReadOnlyList<Choice>>(
                [.. ctx.Draft.Offers.Select(o => new Choice($"Tambahkan ke {o.Number}", o.Id.ToString(CultureInfo.InvariantCulture))),
                 new Choice("Tetap buat kasus baru", CreateNew)]),
            Accept = (ctx, v) => { ctx.Draft.Duplicate = v; return Task.FromResult(StepResult.Ok); },
            IsAnswered = d => d.Duplicate is not null,
            Clear = d => d.Duplicate = null,
            Display = (_, d) => d.AttachTo is { } id ? $"ditambahkan ke {d.Offers.FirstOrDefault(o => o.Id == id)?.Number}" : "kasus baru",
        },
    ];

    /// <summary>The services a case got: several may be named at once; *Lainnya* for what the catalog lacks.</summary>
    public static IEnumerable<Step<T>> ServiceSteps<T>(Func<T, string?> get, Action<T, string?> set) =>
        StepLibrary<T>.CatalogPick("service", "Layanan", "Layanan apa yang diberikan?", "Ketik nama layanannya:",
            ctx => ctx.Reference.Catalogs.PpksServices, get, set, (ctx, codes) => ctx.Reference.Catalogs.ServiceNames(codes), multiple: true,
            alone: NoServiceYet);

    /// <summary>"Belum ada layanan" (config/catalogs.json): a case got nothing yet, so it is never given with another service.</summary>
    public const string NoServiceYet = "belum-ada";

    public static IReadOnlyList<Choice> StatusChoices { get; } =
        Enum.GetValues<CaseStatus>().Select(s => new Choice(Labels.Status(s), s.ToString())).ToList();

    protected override IReadOnlyList<Invariant<PpksDraft>> Invariants { get; } =
    [
        Invariant<PpksDraft>.Of("type", ctx => ctx.Reference.Catalogs.PpksType(ctx.Draft.Type ?? "") is null
            ? "Jenis PPKS itu tidak ada lagi di katalog. Pilih lagi." : null),
        Invariant<PpksDraft>.Of("nik", ctx => ctx.Draft.Nik is { } nik && nik != NoNik && !Nik.IsValid(nik) ? Nik.ExplainInvalid(nik) : null),
        Invariant<PpksDraft>.Of("kecamatan", ctx => StepLibrary<PpksDraft>.KecamatanProblem(ctx, ctx.Draft.Kecamatan)),
        // A type that contradicts the age (from the NIK or typed) is asked again: the type is the likelier slip.
        Invariant<PpksDraft>.Of("type", ctx => ctx.Draft.Age is { } age && !Attaching(ctx) ? AgeProblem(ctx, age) : null),
        new("dup", async ctx => ctx.Draft.AttachTo is { } id && (await ctx.Store.GetCaseAsync(id) is not { } c || !ReportAccess.CanUpdate(ctx.Reporter!, c))
            ? "Kasus itu tidak bisa lagi Anda tambahi. Pilih lagi." : null),
        Invariant<PpksDraft>.Of("service", ctx => !StepLibrary<PpksDraft>.KnownOrOther(ctx.Draft.Service, ctx.Reference.Catalogs.PpksService)
            ? "Layanan itu tidak ada lagi di katalog. Pilih lagi." : null),
    ];

    private static Step<PpksDraft> SexStep()
    {
        var pick = StepLibrary<PpksDraft>.Pick("sex", "Jenis kelamin", "Jenis kelamin?", _ =>
            [new Choice("Laki-laki", nameof(Domain.Entities.Sex.LakiLaki)), new Choice("Perempuan", nameof(Domain.Entities.Sex.Perempuan))],
            d => d.Sex, (d, v) => d.Sex = v, when: ctx => !Attaching(ctx), synonyms: ctx => ctx.Reference.Vocabulary.SexWords);
        return pick with { Display = (ctx, d) => pick.Display(ctx, d) + (d.Sex is not null && d.Sex == d.NikSex ? " (dari NIK)" : "") };
    }

    /// <summary>The NIK's birth date and sex answer age and sex (shown "dari NIK" on the summary, where they can be
    /// changed); an answer the user gave that differs from what an earlier NIK said is kept.</summary>
    private static void TakeBirthFromNik(FlowContext<PpksDraft> ctx)
    {
        var d = ctx.Draft;
        if (d.Nik is not { } nik || !Nik.TryReadBirth(nik, ctx.Today, out var birth, out var sex)) return;
        var age = ctx.Today.Year - birth.Year - (ctx.Today < birth.AddYears(ctx.Today.Year - birth.Year) ? 1 : 0);
        if (d.Sex is null || d.Sex == d.NikSex) d.Sex = sex.ToString();
        if (d.Age is null || d.Age == d.NikAge) d.Age = age;
        (d.NikSex, d.NikAge) = (sex.ToString(), age);
    }

    /// <summary>Lansia are 60 and over, anak under 18 (UU 13/1998, UU 35/2014): another age means another type.</summary>
    private static string? AgeProblem(FlowContext<PpksDraft> ctx, int age)
    {
        var type = ctx.Draft.Type ?? "";
        var name = ctx.Reference.Catalogs.PpksType(type)?.Name ?? type;
        if (type == "lansia-terlantar" && age < 60)
            return $"Umur {age} tahun tidak cocok dengan {name} (60 tahun ke atas). Periksa umur, atau pilih jenis PPKS lain.";
        if (type.StartsWith("anak", StringComparison.Ordinal) && age >= 18)
            return $"Umur {age} tahun tidak cocok dengan {name} (di bawah 18 tahun). Periksa umur, atau pilih jenis PPKS lain.";
        return null;
    }

    /// <summary>A NIK issued in another kabupaten is noted for the officer, not refused: people move.</summary>
    private static string? NikElsewhere(FlowContext<PpksDraft> ctx)
    {
        if (ctx.Draft.Nik is not { } nik || nik == NoNik) return null;
        var own = ctx.Reference.Regions.FindKabupaten(ctx.Reporter!.Kabupaten);
        var code = Nik.RegencyCode(nik);
        if (own?.Code is null || own.Code == code) return null;
        var issued = ctx.Reference.Regions.Kabupaten.FirstOrDefault(k => k.Code == code)?.Name;
        return $"NIK terbit di {(issued is null ? $"wilayah kode {code}" : $"Kab. {issued}")}, bukan Kab. {own.Name} (pindah domisili?).";
    }

    protected override string SummaryTitle(FlowContext<PpksDraft> ctx) =>
        "Periksa laporan PPKS Anda:" + (NikElsewhere(ctx) is { } note ? $"\nℹ️ {note}" : "");

    /// <summary>After the name, NIK or desa changes, look again for cases of the same person.</summary>
    private static Step<PpksDraft> WithDuplicateCheck(Step<PpksDraft> step) => step with
    {
        Accept = async (ctx, text) =>
        {
            var result = await step.Accept(ctx, text);
            if (result.Accepted) await RefreshOffersAsync(ctx);
            return result;
        },
    };

    /// <summary>Possible cases of the same person: same NIK anywhere, or the same name in the same desa.</summary>
    private static async Task<IReadOnlyList<PpksCase>> MatchesAsync(FlowContext<PpksDraft> ctx)
    {
        var d = ctx.Draft;
        var nik = d.Nik is { } n && n != NoNik ? n : null;
        if (nik is null && (d.Name is null || d.Desa is null || d.Kecamatan is null)) return []; // not enough to compare yet
        return await ctx.Store.FindPossibleDuplicatesAsync(nik, d.Name ?? "", ctx.Reporter!.Kabupaten, d.Kecamatan ?? "", d.Desa ?? "");
    }

    private static async Task RefreshOffersAsync(FlowContext<PpksDraft> ctx)
    {
        var d = ctx.Draft;
        var offers = (await MatchesAsync(ctx)).Where(c => ReportAccess.CanUpdate(ctx.Reporter!, c)).Select(c =>
        {
            var sameNik = d.Nik is { } n && c.Nik == n;
            var why = sameNik ? "NIK sama" : "nama sama di desa yang sama";
            return new DuplicateOffer(c.Id, c.Number, ReportAccess.CanSee(ctx.Reporter!, c.ReporterId, c.Kabupaten, c.Kecamatan)
                ? $"• {c.Number}: {c.Name}, {TypeName(ctx, c.TypeCode)}, Desa {c.Desa}, status {Labels.Status(c.Status)} ({why})"
                : $"• {c.Number} (dilaporkan pelapor lain di wilayah Anda; {why})");
        }).ToList();
        if (offers.Select(o => o.Id).SequenceEqual(d.Offers.Select(o => o.Id))) return;
        d.Offers = offers;
        d.Duplicate = null;
    }

    private static string TypeName(FlowContext<PpksDraft> ctx, string code) => ctx.Reference.Catalogs.PpksType(code)?.Name ?? code;

    protected override async Task<Func<Reply>> SaveAsync(FlowContext<PpksDraft> ctx)
    {
        var d = ctx.Draft;
        var status = Enum.Parse<CaseStatus>(d.Status!);
        if (d.AttachTo is { } id)
        {
            var existing = await ctx.Store.GetCaseAsync(id) ?? throw new InvalidOperationException("The case vanished after its check.");
            CaseChanges.Apply(ctx.Session, existing, status, d.Service!, d.Description);
            var verifiersOfExisting = await ReportNotices.VerifiersAsync(ctx.Session, existing.Kabupaten, existing.Kecamatan);
            return () =>
            {
                ReportNotices.ToVerifiers(ctx.Session, verifiersOfExisting, PpksVerification.Of(ctx.Session, existing));
                return $"✅ Laporan ditambahkan ke kasus {existing.Number} (status {Labels.Status(existing.Status)}).";
            };
        }
        var created = new PpksCase
        {
            TypeCode = d.Type!, Name = d.Name!, Nik = d.Nik == NoNik ? null : d.Nik,
            Sex = Enum.Parse<Sex>(d.Sex!), Age = d.Age!.Value,
            Kabupaten = ctx.Reporter!.Kabupaten, Kecamatan = d.Kecamatan!, Desa = d.Desa!,
            Description = NikElsewhere(ctx) is { } note ? $"{d.Description}\n[Catatan: {note}]" : d.Description!,
            ServiceCode = d.Service!, Status = status,
            ReporterId = ctx.Reporter.Id, ReportedOn = ctx.Today, CreatedAt = ctx.Now, UpdatedAt = ctx.Now,
            HandledAt = status is CaseStatus.Ditangani or CaseStatus.Selesai ? ctx.Now : null,
        };
        ctx.Store.AddCase(created);
        await LinkOutOfAreaMatchesAsync(ctx, created);
        var admins = await AdminChats.ForTypedEntriesAsync(ctx.Session, created.ServiceCode);
        var verifiers = await ReportNotices.VerifiersAsync(ctx.Session, created.Kabupaten, created.Kecamatan);
        return () =>
        {
            AdminChats.NoticeTypedEntries(ctx.Session, admins, created.Number, ("layanan", created.ServiceCode));
            ReportNotices.ToVerifiers(ctx.Session, verifiers, PpksVerification.Of(ctx.Session, created));
            return $"✅ Kasus PPKS tersimpan dengan nomor {created.Number}.";
        };
    }

    /// <summary>Matches the reporter may not touch become possible duplicates for the officers of both areas.</summary>
    private static async Task LinkOutOfAreaMatchesAsync(FlowContext<PpksDraft> ctx, PpksCase created)
    {
        foreach (var other in (await MatchesAsync(ctx)).Where(c => !ReportAccess.CanUpdate(ctx.Reporter!, c)))
            ctx.Store.AddPossibleDuplicate(new PossibleDuplicate
            {
                Case = created, OtherCaseId = other.Id, Reason = ctx.Draft.Nik is { } n && other.Nik == n ? PossibleDuplicate.ReasonNik : PossibleDuplicate.ReasonName,
                Status = DuplicateStatus.Open, CreatedAt = ctx.Now,
            });
    }
}
