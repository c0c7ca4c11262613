using CaseBot.Domain.Configuration;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>The kinds of question the flows share: counts, dates, places, catalog picks, free text. Each reads and
/// writes one property of the draft through the getter and setter it is given.</summary>
public static class StepLibrary<TDraft>
{
    /// <summary>Words that keep the figure a count question already has (shown on its "Tetap" button).</summary>
    private static readonly string[] KeepWords = ["tetap", "sama", "tidak berubah", "tdk berubah"];

    public static Step<TDraft> Count(string key, string label, string prompt, Func<TDraft, int?> get, Action<TDraft, int?> set,
        Func<FlowContext<TDraft>, int, string?>? check = null, Func<FlowContext<TDraft>, bool>? when = null, string? group = null) => new()
    {
        Key = key,
        Label = label,
        When = when ?? (_ => true),
        Prompt = _ => prompt,
        NumericAnswer = true,
        Group = group,
        Choices = ctx => Task.FromResult<IReadOnlyList<Choice>>(get(ctx.Draft) is { } now
            ? [new Choice($"Tetap ({IndonesianFormat.Number(now)})", now.ToString(System.Globalization.CultureInfo.InvariantCulture))]
            : [new Choice("0", "0")]),
        Accept = (ctx, text) =>
        {
            if (get(ctx.Draft) is not null && KeepWords.Contains(InputParsers.Normalize(text))) return Task.FromResult(StepResult.Ok);
            if (!InputParsers.TryParseCountWords(text, ctx.Reference.Vocabulary, out var n))
                return Task.FromResult(StepResult.Invalid(Huge(ctx.Session, key, label, text) ?? "Jumlah harus angka 0 atau lebih. Contoh: 12 atau 1.234"));
            if (TooLarge(ctx.Session, key, label, n) is { } tooLarge) return Task.FromResult(StepResult.Invalid(tooLarge));
            if (check?.Invoke(ctx, n) is { } problem) return Task.FromResult(StepResult.Invalid(problem));
            set(ctx.Draft, n);
            return Task.FromResult(StepResult.Ok);
        },
        IsAnswered = d => get(d) is not null,
        Clear = d => set(d, null),
        Display = (_, d) => get(d) is { } v ? IndonesianFormat.Number(v) : null,
    };

    /// <summary>A date, "hari ini" by default, never in the future, not more than two years back.</summary>
    public static Step<TDraft> Date(string key, string label, string prompt, Func<TDraft, DateOnly?> get, Action<TDraft, DateOnly?> set,
        Func<FlowContext<TDraft>, bool>? when = null, Func<FlowContext<TDraft>, DateOnly, string?>? check = null) => new()
    {
        Key = key,
        Label = label,
        When = when ?? (_ => true),
        Prompt = ctx => $"{prompt}\nKetik tanggal (contoh: {ctx.Today.AddDays(-2):dd/MM/yyyy} atau {IndonesianFormat.Date(ctx.Today.AddDays(-2))}), atau pilih:",
        Choices = _ => Task.FromResult<IReadOnlyList<Choice>>([new Choice("Hari ini", "hari ini"), new Choice("Kemarin", "kemarin")]),
        Accept = (ctx, text) =>
        {
            if (!InputParsers.TryParseDate(text, ctx.Today, out var date))
                return Task.FromResult(StepResult.Invalid(
                    $"Tanggal tidak dikenali. Contoh: {ctx.Today.AddDays(-2):dd/MM/yyyy}, {IndonesianFormat.Date(ctx.Today.AddDays(-2))}, hari ini, kemarin."));
            if ((DateProblem(ctx.Today, date) ?? check?.Invoke(ctx, date)) is { } problem) return Task.FromResult(StepResult.Invalid(problem));
            set(ctx.Draft, date);
            return Task.FromResult(StepResult.Ok);
        },
        IsAnswered = d => get(d) is not null,
        Clear = d => set(d, null),
        Display = (_, d) => get(d) is { } v ? IndonesianFormat.Date(v) : null,
    };

    /// <summary>Why a report date is not acceptable today (shared by the question and the check at Simpan).</summary>
    public static string? DateProblem(DateOnly today, DateOnly date) =>
        date > today ? $"Tanggal tidak boleh di masa depan (hari ini {IndonesianFormat.Date(today)})."
        : date < today.AddYears(-2) ? "Tanggal lebih dari 2 tahun lalu. Periksa lagi tahunnya."
        : null;

    /// <summary>A pick from a fixed list; the stored value is the choice's data, shown by its label.</summary>
    public static Step<TDraft> Pick(string key, string label, string prompt, Func<FlowContext<TDraft>, IReadOnlyList<Choice>> choices,
        Func<TDraft, string?> get, Action<TDraft, string?> set,
        Func<FlowContext<TDraft>, bool>? when = null, IReadOnlyList<string>? clears = null,
        Func<FlowContext<TDraft>, IReadOnlyDictionary<string, string>>? synonyms = null) => new()
    {
        Synonyms = synonyms,
        Key = key,
        Label = label,
        When = when ?? (_ => true),
        Prompt = _ => prompt,
        Choices = ctx => Task.FromResult(choices(ctx)),
        ChoicesOnly = true,
        Clears = clears ?? [],
        Accept = (ctx, value) =>
        {
            set(ctx.Draft, value);
            return Task.FromResult(StepResult.Ok);
        },
        IsAnswered = d => get(d) is not null,
        Clear = d => set(d, null),
        Display = (ctx, d) => get(d) is { } v ? choices(ctx).FirstOrDefault(c => c.Data == v)?.Label ?? v : null,
    };

    /// <summary>Free text with a length check; suggestions as buttons are optional.</summary>
    public static Step<TDraft> Text(string key, string label, string prompt, int min, int max, Func<TDraft, string?> get, Action<TDraft, string?> set,
        Func<FlowContext<TDraft>, IReadOnlyList<Choice>>? suggestions = null, Func<FlowContext<TDraft>, bool>? when = null,
        bool takesLocation = false) => new()
    {
        Key = key,
        Label = label,
        When = when ?? (_ => true),
        Prompt = _ => prompt,
        TakesLocation = takesLocation,
        Choices = suggestions is null ? null : ctx => Task.FromResult(suggestions(ctx)),
        Accept = (ctx, text) =>
        {
            var clean = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (clean.Length < min)
                return Task.FromResult(StepResult.Invalid($"Terlalu pendek: minimal {min} huruf."));
            if (clean.Length > max)
                return Task.FromResult(StepResult.Invalid($"Terlalu panjang: maksimal {max} huruf (Anda mengetik {clean.Length})."));
            if (clean.StartsWith('/'))
                return Task.FromResult(StepResult.Invalid("Itu terlihat seperti perintah. Ketik jawabannya, atau /batal untuk berhenti."));
            set(ctx.Draft, clean);
            return Task.FromResult(StepResult.Ok);
        },
        IsAnswered = d => get(d) is not null,
        Clear = d => set(d, null),
        Display = (_, d) => get(d),
    };

    /// <summary>Kecamatan of the reporter's kabupaten, theirs first.</summary>
    public static Step<TDraft> Kecamatan(Func<TDraft, string?> get, Action<TDraft, string?> set,
        Func<FlowContext<TDraft>, bool>? when = null, IReadOnlyList<string>? clears = null) =>
        Pick("kecamatan", "Kecamatan", "Di kecamatan mana?", KecamatanChoices, get, set, when, clears);

    public static IReadOnlyList<Choice> KecamatanChoices(FlowContext<TDraft> ctx)
    {
        var kab = ctx.Reference.Regions.FindKabupaten(ctx.Reporter?.Kabupaten ?? "");
        var names = kab?.Children.Select(c => c.Name).ToList() ?? [];
        var own = ctx.Reporter?.Kecamatan;
        if (own is not null && names.Remove(own)) names.Insert(0, own);
        return names.Select(n => new Choice(n, n)).ToList();
    }

    /// <summary>Desa/kelurahan: free text, with the configured desa of the chosen kecamatan as buttons.</summary>
    public static Step<TDraft> Desa(Func<TDraft, string?> kecamatan, Func<TDraft, string?> get, Action<TDraft, string?> set,
        Func<FlowContext<TDraft>, bool>? when = null) =>
        Text("desa", "Desa/Kelurahan", "Nama desa/kelurahan?", 2, 60, get, set, ctx =>
        {
            var kec = ctx.Reference.Regions.FindKecamatan(ctx.Reporter?.Kabupaten ?? "", kecamatan(ctx.Draft) ?? "");
            return kec?.Children.Select(d => new Choice(d.Name, d.Name)).ToList() ?? [];
        }, when, takesLocation: true);

    /// <summary>Why a kecamatan is not one of the reporter's kabupaten (regions can change in config between steps).</summary>
    public static string? KecamatanProblem(FlowContext<TDraft> ctx, string? kecamatan) =>
        ctx.Reference.Regions.FindKecamatan(ctx.Reporter?.Kabupaten ?? "", kecamatan ?? "") is null
            ? $"Kecamatan {kecamatan} tidak ada di Kab. {ctx.Reporter?.Kabupaten}. Pilih lagi."
            : null;

    /// <summary>Pressing this asks for the name of what the catalog lacks.</summary>
    public const string OtherChoice = "lainnya";

    /// <summary>
    /// A catalog pick with *Lainnya* for what the catalog lacks: choosing it asks for the name, stored as
    /// "lainnya:&lt;text&gt;" (see <see cref="Catalogs.Other"/>). With <paramref name="multiple"/> several may be given in one
    /// answer ("1, 14", "permakanan dan rujukan"), stored comma-separated. Two questions: the pick, and the name when
    /// Lainnya was chosen.
    /// </summary>
    public static IEnumerable<Step<TDraft>> CatalogPick(string key, string label, string prompt, string otherPrompt,
        Func<FlowContext<TDraft>, IEnumerable<CatalogItem>> items, Func<TDraft, string?> get, Action<TDraft, string?> set,
        Func<FlowContext<TDraft>, string, string> describe, Func<FlowContext<TDraft>, bool>? when = null,
        IReadOnlyList<string>? clears = null, bool multiple = false,
        Func<FlowContext<TDraft>, IReadOnlyDictionary<string, string>>? synonyms = null, string? alone = null)
    {
        var applies = when ?? (_ => true);
        IReadOnlyList<Choice> Choices(FlowContext<TDraft> ctx) =>
            [.. items(ctx).Select(i => new Choice(i.Name, i.Code)), new Choice("Lainnya (ketik sendiri)", OtherChoice)];
        bool Pending(TDraft d) => get(d) is { } v && Catalogs.Codes(v).Contains(OtherChoice);
        yield return new Step<TDraft>
        {
            Key = key, Label = label, When = applies, Clears = clears ?? [], Synonyms = synonyms,
            Prompt = _ => multiple ? $"{prompt}\nBoleh lebih dari satu, contoh: 1, 3" : prompt,
            Choices = ctx => Task.FromResult(Choices(ctx)),
            ChoicesOnly = !multiple, // a list of several is typed text, resolved here
            Accept = (ctx, text) =>
            {
                var choices = Choices(ctx);
                var parts = multiple ? text.Replace(" dan ", ",").Replace("+", ",").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries) : [text];
                var codes = new List<string>();
                foreach (var part in parts)
                {
                    if (choices.FirstOrDefault(c => c.Data == part.Trim()) is { } exact) { codes.Add(exact.Data); continue; }
                    if (ChoiceResolver.Resolve(choices, null, part) is not { } found)
                        return Task.FromResult(StepResult.Invalid($"\"{part.Trim()}\" tidak ada di pilihan. Pilih nomornya, atau Lainnya untuk mengetik sendiri."));
                    codes.Add(found.Data);
                }
                if (alone is not null && codes.Contains(alone) && codes.Distinct().Count() > 1)
                    return Task.FromResult(StepResult.Invalid(
                        $"{choices.First(c => c.Data == alone).Label} tidak bisa digabung dengan pilihan lain. Pilih salah satu saja, atau beberapa yang lain."));
                set(ctx.Draft, string.Join(',', codes.Distinct()));
                return Task.FromResult(StepResult.Ok);
            },
            IsAnswered = d => get(d) is not null,
            Clear = d => set(d, null),
            Display = (ctx, d) => get(d) is { } v && !Pending(d) ? describe(ctx, v) : null,
        };
        yield return new Step<TDraft>
        {
            Key = key + "_lainnya", Label = label + " (lainnya)", Editable = false,
            When = ctx => applies(ctx) && (Pending(ctx.Draft) || (get(ctx.Draft) is { } v && Catalogs.Codes(v).Any(Catalogs.IsOther))),
            Prompt = _ => otherPrompt,
            Accept = (ctx, text) =>
            {
                var clean = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (clean.Length is < 2 or > 60 || clean.StartsWith('/'))
                    return Task.FromResult(StepResult.Invalid("Ketik namanya saja, 2 sampai 60 huruf."));
                set(ctx.Draft, string.Join(',', Catalogs.Codes(get(ctx.Draft) ?? "").Where(c => !Catalogs.IsOther(c))
                    .Select(c => c == OtherChoice ? Catalogs.Other(clean) : c)));
                return Task.FromResult(StepResult.Ok);
            },
            IsAnswered = d => !Pending(d),
            Clear = d => { if (get(d) is { } v) set(d, string.Join(',', Catalogs.Codes(v).Select(c => Catalogs.IsOther(c) ? OtherChoice : c))); },
            Display = (_, _) => null,
        };
    }

    /// <summary>A catalog code, or several, each known to its catalog or typed as Lainnya.</summary>
    public static bool KnownOrOther(string? codes, Func<string, CatalogItem?> find) =>
        codes is not null && Catalogs.Codes(codes).Count > 0 && Catalogs.Codes(codes).All(c => Catalogs.IsOther(c) || find(c) is not null);

    /// <summary><see cref="TooLarge"/> for a number too long even to read as a figure ("2000000000000").</summary>
    public static string? Huge(FlowSession session, string key, string label, string text) =>
        InputParsers.TryParseHuge(text, out var huge) ? TooLarge(session, key, label, huge) : null;

    /// <summary>Why a figure is over the configured limit of its question (a typo of a few zeros), or null.</summary>
    public static string? TooLarge(FlowSession session, string key, string label, decimal value) =>
        session.Reference.Options.CountLimits.For(key) is var max && value > max
            ? $"{label} {IndonesianFormat.Number(value)} terlalu besar: paling banyak {IndonesianFormat.Number(max)}. Periksa lagi angkanya."
            : null;
}
