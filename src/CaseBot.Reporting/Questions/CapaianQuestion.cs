using CaseBot.Domain.Configuration;
using CaseBot.Domain.Text;
using CaseBot.Reporting.Capaian;

namespace CaseBot.Reporting.Questions;

/// <summary>What an officer asked: which indicators, where, when. Parts not named fall back to the asker's defaults.</summary>
public sealed record CapaianQuestion(Func<IndicatorDefinition, bool>? Which, string? Topic, Region? Region, string? RegionGuess,
    string? UnknownRegion, ReportingPeriod? Period, bool IsRekap)
{
    /// <summary>Period words that were not understood ("semester 1"): the answer names them rather than ignoring them.</summary>
    public string? UnknownPeriod { get; init; }
}

/// <summary>Understands the common questions: "berapa persen korban bencana yang tertangani di Malili bulan ini?".</summary>
public sealed class CapaianQuestionParser(RegionCatalog regions, IndicatorCatalog indicators)
{
    private static readonly (string Topic, string[] Words)[] Topics =
    [
        ("bencana", ["bencana", "korban", "banjir", "longsor", "gempa", "pengungsi", "mengungsi", "tanggap darurat"]),
        ("logistik", ["logistik", "permakanan", "makanan", "sandang", "pakaian", "bantuan", "bansos", "sembako"]),
        ("ppks", ["ppks", "pmks", "lansia", "lanjut usia", "disabilitas", "anak", "gelandangan", "pengemis", "gepeng", "kasus"]),
    ];

    /// <summary>Words that are part of questions, never region names (so "capaian" is not read as a typo of a place).</summary>
    private static readonly HashSet<string> CommonWords =
    [
        "berapa", "persen", "capaian", "yang", "sudah", "sampai", "tahun", "bulan", "triwulan", "hari", "ini", "di", "kab", "kec",
        "kabupaten", "kecamatan", "rekap", "korban", "bencana", "tertangani", "ditangani", "ppks", "pmks", "logistik", "berapakah",
        "jumlah", "target", "realisasi", "dan", "untuk", "pada", "dari", "apa", "bagaimana", "lalu", "sandang", "anak", "kasus",
        "minggu", "pekan", "semester", "kuartal", "depan", "periode", "tanggal", "ringkasan",
    ];

    public CapaianQuestion? Parse(string text, DateOnly today)
    {
        var t = InputParsers.Normalize(text).Trim('?', '!', '.', ' ');
        if (t.Length == 0) return null;
        var isRekap = t.StartsWith("rekap", StringComparison.Ordinal);
        var period = PeriodParser.Find(t, today);
        var (region, guess, unknown) = FindRegion(t);
        var indicator = FindIndicator(t);
        var topic = indicator is null ? Topics.FirstOrDefault(x => x.Words.Any(w => t.Contains(w))).Topic : indicator.Topic;
        var asksCapaian = t.Contains("capaian") || t.Contains("persen") || t.Contains("target") || t.Contains("realisasi")
                          || t.Contains("berapa") || t.Contains("tertangani") || t.Contains("ditangani");
        if (!isRekap && !asksCapaian && topic is null) return null;
        // A topic lists the topic's indicators that concern the region; a named indicator is shown wherever asked.
        Func<IndicatorDefinition, bool>? which = indicator is not null ? i => i.Id == indicator.Id : null;
        return new CapaianQuestion(which, topic, region, guess, unknown, period, isRekap)
        {
            UnknownPeriod = period is null ? PeriodParser.Unrecognised(t, today) : null,
        };
    }

    /// <summary>An indicator named by id ("spm-lansia") or by its short name's distinctive words.</summary>
    private IndicatorDefinition? FindIndicator(string t)
    {
        var byId = indicators.Indicators.FirstOrDefault(i => t.Split(' ').Contains(i.Id));
        if (byId is not null) return byId;
        if (t.Contains("permakanan") || t.Contains("makan")) return indicators.Indicators.FirstOrDefault(i => i.AidItems.Contains("permakanan"));
        if (t.Contains("sandang") || t.Contains("pakaian")) return indicators.Indicators.FirstOrDefault(i => i.AidItems.Contains("sandang"));
        foreach (var (word, type) in new[] { ("lansia", "lansia-terlantar"), ("lanjut usia", "lansia-terlantar"), ("disabilitas", "penyandang-disabilitas"),
                     ("gepeng", "gelandangan"), ("gelandangan", "gelandangan"), ("pengemis", "pengemis"), ("anak terlantar", "anak-terlantar") })
            if (t.Contains(word)) return indicators.Indicators.Where(i => i.PpksTypes.Contains(type)).MinBy(i => i.PpksTypes.Count); // the most specific
        return null;
    }

    /// <summary>
    /// A region named after "di", "kab", "kec", or anywhere as a known name; a slip is forgiven ("Malli").
    /// Returns the region, the guess made (to say "maksud Anda ...?"), or the word that matched nothing after "di".
    /// </summary>
    public (Region? Region, string? Guess, string? Unknown) FindRegion(string t)
    {
        var names = regions.All.Where(r => r.Level != RegionLevel.Desa).Select(r => r.Name).Distinct().ToList();
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', '?')).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            var afterMarker = i > 0 && words[i - 1] is "di" or "kab" or "kec" or "kabupaten" or "kecamatan" or "wilayah";
            if (!afterMarker && (CommonWords.Contains(words[i]) || words[i].Length < 4)) continue;
            // Longest names first, so "tomoni timr" is Tomoni Timur and not Tomoni.
            foreach (var span in new[] { 3, 2, 1 })
            {
                if (i + span > words.Length) continue;
                var candidate = string.Join(' ', words[i..(i + span)]);
                if (span > 1 && words[i..(i + span)].Skip(1).Any(CommonWords.Contains)) continue;
                if (PeriodParser.Mentions(candidate)) continue;
                if (FuzzyMatcher.Best(candidate, names) is { } match && (span == 1 || match.Value.Contains(' ')))
                    return (regions.Find(match.Value), match.Exact ? null : match.Value, null);
            }
            if (afterMarker && !CommonWords.Contains(words[i]) && !PeriodParser.Mentions(words[i]))
                return (null, null, words[i]);
        }
        return (null, null, null);
    }
}
