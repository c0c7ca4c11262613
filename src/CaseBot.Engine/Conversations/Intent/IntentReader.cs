using System.Globalization;
using System.Text.RegularExpressions;
using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;

namespace CaseBot.Engine.Conversations.Intent;

/// <summary>
/// Reads what a free-text message from an approved reporter means, outside any flow, by rules over the field
/// vocabulary (config/vocabulary.json), the catalogs and the reporter's own regions: a report to start (with what the
/// message already says as answers), a question about figures, a greeting, a request for the menu, or nothing known.
/// </summary>
public sealed partial class IntentReader(ReferenceData reference)
{
    public const string Disaster = "bencana";
    public const string Aid = "logistik";
    public const string Ppks = "ppks";

    /// <summary>When two kinds of report are named equally, the earlier wins.</summary>
    private static readonly string[] FlowOrder = [Disaster, Ppks, Aid];

    private static readonly HashSet<string> DesaMarkers = ["desa", "ds", "kel", "kelurahan", "dusun", "dsn", "kampung", "kp"];
    private static readonly HashSet<string> KecamatanMarkers = ["kec", "kecamatan", "kecamatn"];
    private static readonly HashSet<string> AgeMarkers = ["umur", "usia", "umr", "berumur", "berusia", "usianya", "umurnya"];
    private static readonly HashSet<string> AgeUnits = ["tahun", "thn", "th", "tahunan"];

    private static readonly HashSet<string> AidUnits =
    [
        "paket", "porsi", "karung", "kg", "lembar", "unit", "buah", "dus", "liter", "bungkus", "kotak", "sak", "box", "pcs",
        "kantong", "botol", "galon", "set", "pack", "kardus", "lusin", "ton", "bks", "lbr", "ltr", "pax",
    ];

    /// <summary>Words that end a desa name typed after "desa".</summary>
    private static readonly HashSet<string> Stop =
    [
        "di", "ke", "dari", "kec", "kecamatan", "kab", "kabupaten", "pada", "tgl", "tanggal", "tadi", "kemarin", "kemaren", "kmrn",
        "hari", "jam", "pukul", "sekitar", "dan", "yg", "yang", "ada", "dengan", "dgn", "sebanyak", "korban", "pak", "bu", "mohon",
        "untuk", "utk", "buat", "sudah", "sdh", "telah", "baru", "saja", "ini", "itu", "tsb", "tersebut", "rumah", "warga", "jiwa",
        "kk", "orang", "org", "mau", "lapor", "min", "admin", "pagi", "siang", "sore", "malam", "lalu", "karena", "akibat",
    ];

    private static readonly LikelyCommand[] Commands =
    [
        new("bencana", "📝 Lapor bencana"), new("logistik", "📦 Lapor logistik"), new("ppks", "🧑‍🦯 Lapor PPKS"),
        new("laporanku", "📋 Laporan saya"), new("capaian", "📊 Capaian"), new("rekap", "🗒 Rekap hari ini"),
    ];

    private Vocabulary V => reference.Vocabulary;

    /// <summary>The commands this reporter most likely wants, best first (the engine keeps those they may use).</summary>
    public static IReadOnlyList<LikelyCommand> LikelyCommands(ReporterRole role)
    {
        string[] order = role switch
        {
            ReporterRole.Tagana => ["bencana", "logistik", "laporanku", "ppks"],
            ReporterRole.Petugas => ["capaian", "rekap", "bencana", "laporanku"],
            _ => ["ppks", "laporanku", "bencana", "logistik"],
        };
        return order.Select(c => Commands.First(x => x.Command == c)).ToList();
    }

    /// <summary>The flow a plain "lapor" starts: what the role usually reports.</summary>
    public static string DefaultFlow(ReporterRole role) => role is ReporterRole.Tagana or ReporterRole.Petugas ? Disaster : Ppks;

    public Intent Read(string text, Reporter reporter)
    {
        var raw = InputParsers.Normalize(text);
        var typed = Tokenize(raw);
        // Slips are corrected, except in a name after "desa"/"dusun" ("Salu Anging" is not "angin").
        var tokens = typed.Select((t, i) => (i > 0 && DesaMarkers.Contains(typed[i - 1])) || (i > 1 && DesaMarkers.Contains(typed[i - 2]))
            ? t : Correct(t)).ToList();
        if (tokens.Count == 0) return new UnknownIntent();
        var asks = raw.TrimEnd().EndsWith('?');

        var reportWord = Find(tokens, V.ReportWords) is not null;
        if (Find(tokens, V.QuestionWords) is not null
            || (Find(tokens, V.QuestionHints) is not null && !reportWord))
            return new QuestionIntent();

        var kind = FindPhrase(tokens, V.DisasterKinds.Keys);
        var ppks = FindPhrase(tokens, V.PpksTypes.Keys);
        var item = FindPhrase(tokens, V.AidItems.Keys);
        var scores = FlowOrder.ToDictionary(f => f, _ => 0);
        foreach (var m in FindAll(tokens, V.FlowWords.Keys)) scores[V.FlowWords[m.Key]] += 4;
        foreach (var m in FindAll(tokens, V.FlowHints.Keys)) scores[V.FlowHints[m.Key]] += 1;
        if (kind is not null) scores[Disaster] += 2;
        if (ppks is not null) scores[Ppks] += 2;
        if (item is not null) scores[Aid] += 2;
        var best = FlowOrder.OrderByDescending(f => scores[f]).First(); // stable: ties keep FlowOrder

        if (scores[best] > 1 || (scores[best] == 1 && reportWord))
            return new StartFlowIntent(best, Answers(best, tokens, reporter, kind, ppks, item));
        // "cara lapor" asks how, it does not report.
        if (OnlyOf(tokens, V.HelpWords) || (Find(tokens, V.HelpWords) is { } help
                && (help.Length > 1 || scores[best] == 1 || OnlyOf(tokens, V.HelpWords.Concat(V.ReportWords)))))
            return new HelpIntent();
        if (reportWord) return new StartFlowIntent(DefaultFlow(reporter.Role), Answers(DefaultFlow(reporter.Role), tokens, reporter, null, null, null));
        if (OnlyOf(tokens, V.Greetings)) return new GreetingIntent();
        if (OnlyOf(tokens, V.Thanks)) return new GreetingIntent(Thanks: true);
        // Opens with a greeting and says nothing we know more: "selamat pagi bapak ibu semua, semangat".
        if (FindAll(tokens, V.Greetings.Where(g => g.Length >= 3)).Any(m => m.Start == 0) && !asks && tokens.Count <= 6)
            return new GreetingIntent();
        if (FindAll(tokens, V.Thanks.Where(g => g.Length >= 3)).Any(m => m.Start == 0 || m.Length > 1) && !asks && tokens.Count <= 6)
            return new GreetingIntent(Thanks: true);
        if (scores[best] == 1) return new StartFlowIntent(best, Answers(best, tokens, reporter, null, null, null));
        return new UnknownIntent();
    }

    // ---- answers ----

    private Dictionary<string, string> Answers(string flow, List<string> tokens, Reporter reporter, PhraseMatch? kind, PhraseMatch? ppks, PhraseMatch? item)
    {
        var answers = new Dictionary<string, string>();
        var kabupaten = reference.Regions.FindKabupaten(reporter.Kabupaten);
        var (desa, desaSpan) = FindDesa(tokens, kabupaten);
        var kecamatan = FindKecamatan(tokens, kabupaten, desaSpan);
        if (kecamatan is null && desa is not null && kabupaten is not null)
            kecamatan = kabupaten.Children.Where(k => k.Children.Any(d => d.Name == desa)).Select(k => k.Name).Distinct().SingleOrDefault();
        var date = FindDate(tokens);
        switch (flow)
        {
            case Disaster:
                if (kind is not null) answers["kind"] = V.DisasterKinds[kind.Key];
                Add("kecamatan", kecamatan); Add("desa", desa); Add("date", date);
                foreach (var (key, count) in FindVictims(tokens)) answers[key] = count;
                break;
            case Ppks:
                if (ppks is not null) answers["type"] = V.PpksTypes[ppks.Key];
                Add("kecamatan", kecamatan); Add("desa", desa);
                var rest = ppks is null ? tokens : [.. tokens.Take(ppks.Start), .. tokens.Skip(ppks.Start + ppks.Length)];
                Add("sex", FindSex(rest)); Add("age", FindAge(tokens));
                break;
            case Aid:
                if (item is not null) answers["item"] = V.AidItems[item.Key];
                if (FindQuantity(tokens) is var (qty, unit)) { answers["qty"] = qty; answers["unit"] = unit; }
                Add("date", date);
                break;
        }
        return answers;

        void Add(string key, string? value)
        {
            if (value is not null) answers[key] = value;
        }
    }

    private string? FindKecamatan(List<string> tokens, Region? kabupaten, (int Start, int End)? exclude)
    {
        if (kabupaten is null) return null;
        var names = kabupaten.Children.Select(c => c.Name).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (exclude is { } x && i >= x.Start && i < x.End) continue;
            if (V.RegionAbbreviations.TryGetValue(tokens[i], out var full) && names.Contains(full)) return full;
            // Longest window first, a slip in a longer name before an exact shorter one: "tomoni timr" is Tomoni Timur.
            for (var n = Math.Min(3, tokens.Count - i); n >= 1; n--)
            {
                var window = string.Join(' ', tokens.Skip(i).Take(n));
                if (names.FirstOrDefault(k => Key(k) == Key(window)) is { } exact) return exact;
                var plain = tokens.Skip(i).Take(n).All(w => !Stop.Contains(w) && !KecamatanMarkers.Contains(w) && !DesaMarkers.Contains(w));
                if (n <= 2 && plain && Key(window).Length >= 5 && (n > 1 || !IsVocabulary(window))
                    && FuzzyMatcher.Best(window, names) is { Exact: false } near
                    && FuzzyMatcher.Distance(Key(window), Key(near.Value)) <= (Key(window).Length >= 8 ? 2 : 1))
                    return near.Value;
            }
        }
        return null;
    }

    /// <summary>A desa after "desa"/"kel" (configured or not), or a configured desa named anywhere (not one that is
    /// also a kecamatan's name, which reads as the kecamatan).</summary>
    private (string? Name, (int Start, int End)? Span) FindDesa(List<string> tokens, Region? kabupaten)
    {
        var known = kabupaten?.Children.SelectMany(k => k.Children).Select(d => d.Name).Distinct().ToList() ?? [];
        var kecamatanNames = kabupaten?.Children.Select(k => k.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (!DesaMarkers.Contains(tokens[i])) continue;
            var start = i + 1;
            if (Stop.Contains(tokens[start]) || tokens[start].Any(char.IsDigit)) continue;
            for (var n = Math.Min(3, tokens.Count - start); n >= 1; n--)
            {
                var window = string.Join(' ', tokens.Skip(start).Take(n));
                if (FuzzyMatcher.Best(window, known) is { } m && (m.Exact || Key(window).Length >= 5)
                    && FuzzyMatcher.Distance(Key(window), Key(m.Value)) <= 1)
                    return (m.Value, (start, start + n));
            }
            var run = tokens.Skip(start).TakeWhile(w => !Stop.Contains(w) && !w.Any(char.IsDigit) && !IsVocabulary(w)
                                                     && !kecamatanNames.Contains(w)).ToList();
            if (run.Count == 0) continue;
            // Two words that end the phrase ("Salu Anging kec Angkona") are a name; in running text only a name's suffix
            // ("Puncak Indah") joins the first word.
            var ended = start + run.Count == tokens.Count || Stop.Contains(tokens[start + run.Count])
                        || KecamatanMarkers.Contains(tokens[start + run.Count]) || kecamatanNames.Contains(tokens[start + run.Count]);
            var words = run.Take(run.Count <= 2 && ended ? 2 : 1).ToList();
            if (run.Count > 1 && words.Count == 1 && NameSuffixes.Contains(run[1])) words.Add(run[1]);
            return (Title(string.Join(' ', words)), (start, start + words.Count));
        }
        for (var i = 0; i < tokens.Count; i++)
        for (var n = Math.Min(2, tokens.Count - i); n >= 1; n--)
        {
            var window = string.Join(' ', tokens.Skip(i).Take(n));
            if (kecamatanNames.Contains(window)) continue;
            if (known.FirstOrDefault(d => Key(d) == Key(window)) is { } exact) return (exact, (i, i + n));
        }
        return (null, null);
    }

    private static readonly HashSet<string> NameSuffixes =
        ["utara", "selatan", "timur", "barat", "tengah", "indah", "baru", "jaya", "raya", "makmur", "sari", "atas", "bawah", "lama", "permai", "mulia"];

    private static string? FindDate(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var next = i + 1 < tokens.Count ? tokens[i + 1] : "";
            if (t is "kemarin" or "kemaren" or "kmrn" or "kmarin" or "kemarn") return next == "lusa" ? "kemarin lusa" : "kemarin";
            if ((t is "hari" or "pagi" or "siang" or "sore" && next == "ini") || t == "barusan"
                || (t == "tadi" && next is "pagi" or "siang" or "sore" or ""))
                return "hari ini";
            if (NumericDate().IsMatch(t) && (t.Contains('/') || t.Contains('-') || (i > 0 && tokens[i - 1] is "tgl" or "tanggal")))
                return t.Replace('.', '/');
            if (t.Length <= 4 && t.All(char.IsDigit))
            {
                if (next is "hari" or "hr" && i + 2 < tokens.Count && tokens[i + 2] is "lalu" or "yang" or "lalu")
                    return $"{t} hari lalu";
                if (next.Length >= 3 && MonthWord().IsMatch(next) && t.Length <= 2)
                {
                    var year = i + 2 < tokens.Count && tokens[i + 2].Length == 4 && tokens[i + 2].All(char.IsDigit) ? " " + tokens[i + 2] : "";
                    return $"{t} {next}{year}";
                }
            }
        }
        return null;
    }

    private string? FindSex(List<string> tokens) =>
        FindPhrase(tokens, V.SexWords.Keys.Where(k => k.Length >= 3)) is { } m ? V.SexWords[m.Key] : null;

    private string? FindAge(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (AgeMarkers.Contains(tokens[i]))
            {
                var words = tokens.Skip(i + 1).TakeWhile(w => !AgeUnits.Contains(w)).Take(4).ToList();
                for (var n = words.Count; n >= 1; n--)
                    if (InputParsers.TryParseCountWords(string.Join(' ', words.Take(n)), V, out var years) && years is > 0 and <= 130)
                        return years.ToString(CultureInfo.InvariantCulture);
            }
            if (AgeUnits.Contains(tokens[i]) && i > 0 && tokens[i - 1].All(char.IsDigit) && tokens[i - 1].Length <= 3
                && (i + 1 >= tokens.Count || !tokens[i + 1].All(char.IsDigit)))
                return tokens[i - 1];
        }
        return null;
    }

    private (string Quantity, string Unit)? FindQuantity(List<string> tokens)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (!AidUnits.Contains(tokens[i])) continue;
            for (var n = Math.Min(4, i); n >= 1; n--)
            {
                var words = string.Join(' ', tokens.Skip(i - n).Take(n));
                if (n == 1 && InputParsers.TryParseQuantity(words, out var q))
                    return (q.ToString(CultureInfo.InvariantCulture).Replace('.', ','), tokens[i]);
                if (InputParsers.TryParseCountWords(words, V, out var count) && count > 0)
                    return (count.ToString(CultureInfo.InvariantCulture), tokens[i]);
            }
        }
        return null;
    }

    private static readonly HashSet<string> PeopleUnits = ["org", "orang", "jiwa", "kk", "keluarga", "korban"];

    /// <summary>Victim counts by question key: "2 org luka, 40 mengungsi", "luka 2, mengungsi 40", "meninggal nihil",
    /// "tidak ada yang meninggal", "30 KK terdampak". Each label takes the number before it, else the one after it; a
    /// number serves one label only ("luka 2 mengungsi 40": the 2 is taken by luka before mengungsi looks back).</summary>
    private Dictionary<string, string> FindVictims(List<string> tokens)
    {
        var found = new Dictionary<string, long>(); // summed parts are checked against the limits by the question, not wrapped here
        var labels = FindAll(tokens, V.VictimWords.Keys).OrderBy(m => m.Start).ThenByDescending(m => m.Length).ToList();
        labels = labels.Where((m, i) => !labels.Take(i).Any(o => m.Start < o.Start + o.Length)).ToList(); // no overlaps
        var taken = new HashSet<int>();
        foreach (var label in labels)
        {
            var read = CountBefore(tokens, label, taken) ?? CountAfter(tokens, label, labels, taken);
            if (read is not var (n, unit, from, to)) continue;
            for (var i = from; i < to; i++) taken.Add(i);
            var key = V.VictimWords[label.Key];
            if (key == "terdampak_jiwa" && unit is "kk" or "keluarga") key = "terdampak_kk";
            found[key] = found.GetValueOrDefault(key) + n; // luka ringan + luka berat
        }
        return found.ToDictionary(x => x.Key, x => x.Value.ToString(CultureInfo.InvariantCulture));
    }

    private (int N, string? Unit, int From, int To)? CountBefore(List<string> tokens, PhraseMatch label, HashSet<int> taken)
    {
        var end = label.Start; // exclusive
        string? unit = null;
        if (end > 0 && tokens[end - 1] is "yg" or "yang") end--;
        if (end > 0 && PeopleUnits.Contains(tokens[end - 1])) unit = tokens[--end];
        for (var n = Math.Min(3, end); n >= 1; n--)
        {
            if (Enumerable.Range(end - n, n).Any(taken.Contains)) continue;
            if (InputParsers.TryParseCountWords(string.Join(' ', tokens.Skip(end - n).Take(n)), V, out var count))
                return (count, unit, end - n, label.Start);
        }
        return null;
    }

    private (int N, string? Unit, int From, int To)? CountAfter(List<string> tokens, PhraseMatch label, List<PhraseMatch> labels,
        HashSet<int> taken)
    {
        var start = label.Start + label.Length;
        if (start < tokens.Count && tokens[start] is "sebanyak" or "sejumlah" or "ada") start++;
        var limit = labels.Where(l => l.Start >= start).Select(l => l.Start).DefaultIfEmpty(tokens.Count).Min();
        for (var n = Math.Min(4, limit - start); n >= 1; n--)
        {
            if (Enumerable.Range(start, n).Any(taken.Contains)) continue;
            var words = tokens.Skip(start).Take(n).ToList();
            if (!InputParsers.TryParseCountWords(string.Join(' ', words), V, out var count)) continue;
            var unitAfter = start + n < limit && PeopleUnits.Contains(tokens[start + n]);
            var unit = unitAfter ? tokens[start + n] : PeopleUnits.Contains(words[^1]) ? words[^1] : null;
            return (count, unit, start, start + n + (unitAfter ? 1 : 0));
        }
        return null;
    }

    // ---- words ----

    private sealed record PhraseMatch(string Key, int Start, int Length);

    /// <summary>Words as typed: letters and digits, keeping "laki-laki", "hiv/aids", "12/03/2024", "2,5", "1.500".</summary>
    private static List<string> Tokenize(string text) =>
        TokenPattern().Matches(text).Select(m => m.Value.Trim('\'')).Where(t => t.Length > 0).ToList();

    /// <summary>A slip in a word the vocabulary knows ("banjri", "kebakarn", "longsr"): the word. Of equally near words
    /// the one of the same length wins ("banjri" is banjir, not the listed slip "banjr").</summary>
    private string Correct(string token)
    {
        // Short everyday words are one letter from field words ("lapar"/lapor, "hujan"/hutan): only longer words, with
        // their first letter right, are corrected.
        if (token.Length < 5 || token.Any(char.IsDigit) || KnownWords.Contains(token)) return token;
        if (token.Length == 5) // only a dropped letter, as in SMS writing: "bnjir"
            return KnownWords.FirstOrDefault(w => w.Length == 6 && w[0] == token[0]
                                                  && Enumerable.Range(1, 5).Any(i => w.Remove(i, 1) == token)) ?? token;
        var allowed = token.Length >= 8 ? 2 : 1;
        var near = KnownWords.Where(w => w.Length >= 4 && w[0] == token[0] && Math.Abs(w.Length - token.Length) <= allowed)
            .Select(w => (Word: w, Distance: FuzzyMatcher.Distance(token, w))).Where(x => x.Distance <= allowed).ToList();
        if (near.Count == 0) return token;
        return near.OrderBy(x => x.Distance).ThenBy(x => Math.Abs(x.Word.Length - token.Length)).ThenBy(x => x.Word, StringComparer.Ordinal).First().Word;
    }

    /// <summary>Single words of the vocabulary's phrases (not region names: those are matched on their own).</summary>
    private HashSet<string> KnownWords => field ??=
    [
        .. new IEnumerable<string>[] { V.VictimWords.Keys, V.DisasterKinds.Keys, V.PpksTypes.Keys, V.AidItems.Keys, V.FlowWords.Keys, V.FlowHints.Keys, V.ReportWords,
                V.QuestionWords, V.QuestionHints, V.Greetings, V.Thanks, V.HelpWords }
            .SelectMany(x => x).SelectMany(p => p.Split(' ')).Where(w => w.Length >= 4),
        .. Stop, .. DesaMarkers, .. KecamatanMarkers, .. AgeMarkers, .. AidUnits, .. AgeUnits,
        .. reference.Regions.All.SelectMany(r => InputParsers.Normalize(r.Name).Split(' ')),
    ];

    private bool IsVocabulary(string word) => KnownWords.Contains(word);

    private static PhraseMatch? Find(List<string> tokens, IEnumerable<string> phrases) => FindAll(tokens, phrases).FirstOrDefault();

    /// <summary>The longest phrase found (the first of equal length): "kebakaran hutan" over "kebakaran".</summary>
    private static PhraseMatch? FindPhrase(List<string> tokens, IEnumerable<string> phrases) =>
        FindAll(tokens, phrases).OrderByDescending(m => m.Length).ThenBy(m => m.Start).FirstOrDefault();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<string>> PhraseWords = new();

    private static IEnumerable<PhraseMatch> FindAll(List<string> tokens, IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            var words = PhraseWords.GetOrAdd(phrase, p => Tokenize(p.ToLowerInvariant()));
            if (words.Count == 0) continue;
            for (var i = 0; i + words.Count <= tokens.Count; i++)
                if (words.Select((w, j) => tokens[i + j] == w).All(x => x))
                    yield return new PhraseMatch(phrase, i, words.Count);
        }
    }

    /// <summary>The message is only these words (and forms of address like "pak", "bu").</summary>
    private static bool OnlyOf(List<string> tokens, IEnumerable<string> phrases)
    {
        var covered = new bool[tokens.Count];
        foreach (var m in FindAll(tokens, phrases))
            for (var j = m.Start; j < m.Start + m.Length; j++) covered[j] = true;
        return covered.Any(c => c) && tokens.Select((t, i) => covered[i] || Address.Contains(t)).All(x => x);
    }

    private static readonly HashSet<string> Address =
        ["pak", "bu", "bapak", "ibu", "om", "kak", "min", "admin", "bang", "mas", "mbak", "dik", "semua", "bot", "casebot", "ya", "yah", "nih", "dong", "sih", "kk", "wr", "wb", "juga", "saja"];

    private static string Key(string s) => new(InputParsers.Normalize(s).Where(char.IsLetterOrDigit).ToArray());

    private static string Title(string s) =>
        string.Join(' ', s.Split(' ').Select(w => string.Join('-', w.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]))));

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:(?:[/'-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^\d{1,2}[/.-]\d{1,2}(?:[/.-](?:\d{4}|\d{2}))?$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(jan|feb|peb|mar|apr|mei|may|jun|jul|agu|agt|ags|aug|sep|okt|oct|nov|nop|des|dec)[a-z]*$")]
    private static partial Regex MonthWord();
}
