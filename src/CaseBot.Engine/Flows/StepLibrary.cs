using System.Globalization;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>The kinds of question the flows share: counts, dates, places, catalog picks, free text.</summary>
public static class StepLibrary
{
    public static Step Count(string key, string label, string prompt, Func<FlowContext, int?>? current = null,
        Func<FlowContext, int, string?>? check = null, Func<FlowContext, bool>? when = null) => new()
    {
        Key = key,
        Label = label,
        When = when ?? (_ => true),
        Prompt = ctx => current?.Invoke(ctx) is { } now
            ? $"{prompt}\nAngka terakhir: {IndonesianFormat.Number(now)}. Ketik angka baru atau tekan Tetap."
            : prompt,
        Choices = ctx => Task.FromResult<IReadOnlyList<Choice>>(current?.Invoke(ctx) is { } now
            ? [new Choice($"Tetap ({IndonesianFormat.Number(now)})", now.ToString(CultureInfo.InvariantCulture))]
            : [new Choice("0", "0")]),
        Accept = (ctx, text) =>
        {
            if (!InputParsers.TryParseCount(text, out var n))
                return Task.FromResult(StepResult.Invalid("Jumlah harus angka 0 atau lebih. Contoh: 12 atau 1.234"));
            if (check?.Invoke(ctx, n) is { } problem) return Task.FromResult(StepResult.Invalid(problem));
            ctx.Set(key, n.ToString(CultureInfo.InvariantCulture));
            return Task.FromResult(StepResult.Ok);
        },
        Display = ctx => ctx.Get(key) is { } v ? IndonesianFormat.Number(long.Parse(v, CultureInfo.InvariantCulture)) : null,
    };

    /// <summary>A date, "hari ini" by default, never in the future, not before <paramref name="notBefore"/>.</summary>
    public static Step Date(string key, string label, string prompt, Func<FlowContext, DateOnly?>? notBefore = null,
        Func<FlowContext, bool>? when = null) => new()
    {
        Key = key,
        Label = label,
        When = when ?? (_ => true),
        Prompt = _ => $"{prompt}\nKetik tanggal (contoh: 12/03/2024 atau 12 Maret 2024), atau pilih:",
        Choices = _ => Task.FromResult<IReadOnlyList<Choice>>([new Choice("Hari ini", "hari ini"), new Choice("Kemarin", "kemarin")]),
        Accept = (ctx, text) =>
        {
            if (!InputParsers.TryParseDate(text, ctx.Today, out var date))
                return Task.FromResult(StepResult.Invalid("Tanggal tidak dikenali. Contoh: 12/03/2024, 12 Maret 2024, hari ini, kemarin."));
            if (date > ctx.Today)
                return Task.FromResult(StepResult.Invalid($"Tanggal tidak boleh di masa depan (hari ini {IndonesianFormat.Date(ctx.Today)})."));
            if (notBefore?.Invoke(ctx) is { } min && date < min)
                return Task.FromResult(StepResult.Invalid($"Tanggal tidak boleh sebelum {IndonesianFormat.Date(min)}."));
            if (date < ctx.Today.AddYears(-2))
                return Task.FromResult(StepResult.Invalid("Tanggal lebih dari 2 tahun lalu. Periksa lagi tahunnya."));
            ctx.Set(key, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return Task.FromResult(StepResult.Ok);
        },
        Display = ctx => ctx.Get(key) is { } v ? IndonesianFormat.Date(ParseDate(v)) : null,
    };

    /// <summary>A pick from a fixed list; the stored value is the choice's data, shown by its label.</summary>
    public static Step Pick(string key, string label, string prompt, Func<FlowContext, IReadOnlyList<Choice>> choices,
        Func<FlowContext, bool>? when = null, IReadOnlyList<string>? clears = null) => new()
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
            ctx.Set(key, value);
            return Task.FromResult(StepResult.Ok);
        },
        Display = ctx => ctx.Get(key) is { } v ? choices(ctx).FirstOrDefault(c => c.Data == v)?.Label ?? v : null,
    };

    /// <summary>Free text with a length check; suggestions as buttons are optional.</summary>
    public static Step Text(string key, string label, string prompt, int min, int max,
        Func<FlowContext, IReadOnlyList<Choice>>? suggestions = null, Func<FlowContext, bool>? when = null) => new()
    {
        Key = key,
        Label = label,
        When = when ?? (_ => true),
        Prompt = _ => prompt,
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
            ctx.Set(key, clean);
            return Task.FromResult(StepResult.Ok);
        },
        Display = ctx => ctx.Get(key),
    };

    /// <summary>Kecamatan of the reporter's kabupaten, theirs first.</summary>
    public static Step Kecamatan(string key = "kecamatan", Func<FlowContext, bool>? when = null, IReadOnlyList<string>? clears = null) =>
        Pick(key, "Kecamatan", "Di kecamatan mana?", ctx =>
        {
            var kab = ctx.Reference.Regions.FindKabupaten(ctx.Reporter?.Kabupaten ?? "");
            var names = kab?.Children.Select(c => c.Name).ToList() ?? [];
            var own = ctx.Reporter?.Kecamatan;
            if (own is not null && names.Remove(own)) names.Insert(0, own);
            return names.Select(n => new Choice(n, n)).ToList();
        }, when, clears);

    /// <summary>Desa/kelurahan: free text, with the configured desa of the chosen kecamatan as buttons.</summary>
    public static Step Desa(string kecamatanKey = "kecamatan", Func<FlowContext, bool>? when = null) =>
        Text("desa", "Desa/Kelurahan", "Nama desa/kelurahan?", 2, 60, ctx =>
        {
            var kec = ctx.Reference.Regions.FindKecamatan(ctx.Reporter?.Kabupaten ?? "", ctx.Get(kecamatanKey) ?? "");
            return kec?.Children.Select(d => new Choice(d.Name, d.Name)).ToList() ?? [];
        }, when);

    public static DateOnly ParseDate(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
