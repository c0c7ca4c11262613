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
            if (!InputParsers.TryParseCount(text, out var n))
                return Task.FromResult(StepResult.Invalid("Jumlah harus angka 0 atau lebih. Contoh: 12 atau 1.234"));
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
                return Task.FromResult(StepResult.Invalid("Tanggal tidak dikenali. Contoh: 12/03/2024, 12 Maret 2024, hari ini, kemarin."));
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
        Func<FlowContext<TDraft>, bool>? when = null, IReadOnlyList<string>? clears = null) => new()
    {
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
}
