namespace CaseBot.Domain.Configuration;

/// <summary>
/// How field reporters actually write (config/vocabulary.json): words for zero and for numbers, sex, abbreviated
/// region names, and everyday names for catalog entries ("sembako", "nasi bungkus", "gepeng"), plus the words that
/// tell a report, a question and a greeting apart. Keys are lower case; values are catalog codes or region names.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>No vocabulary: digits and exact catalog names only (a host without config/vocabulary.json).</summary>
    public static Vocabulary Empty { get; } = new();

    /// <summary>"tidak ada", "nihil", "-": a count of 0.</summary>
    public List<string> ZeroWords { get; init; } = [];
    /// <summary>"satu" → 1, "seratus" → 100; compounds ("dua puluh tiga", "seribu dua ratus") are read from these.</summary>
    public Dictionary<string, int> NumberWords { get; init; } = [];
    /// <summary>"lk" → LakiLaki, "wanita" → Perempuan (names of <c>Sex</c>).</summary>
    public Dictionary<string, string> SexWords { get; init; } = [];
    /// <summary>"lutim" → "Luwu Timur": abbreviations of configured region names.</summary>
    public Dictionary<string, string> RegionAbbreviations { get; init; } = [];
    /// <summary>Everyday names of aid items → AidItems code.</summary>
    public Dictionary<string, string> AidItems { get; init; } = [];
    /// <summary>Everyday names of disaster kinds → DisasterKinds code.</summary>
    public Dictionary<string, string> DisasterKinds { get; init; } = [];
    /// <summary>Everyday names of PPKS types → PpksTypes code.</summary>
    public Dictionary<string, string> PpksTypes { get; init; } = [];
    /// <summary>Victim counts as written ("2 org luka", "meninggal nihil", "40 KK terdampak") → question key
    /// (meninggal, hilang, luka, mengungsi, terdampak_jiwa; "terdampak" counted in KK is terdampak_kk).</summary>
    public Dictionary<string, string> VictimWords { get; init; } = [];
    /// <summary>How aid recipients are counted, as people write it ("org", "jiwa", "keluarga") → Orang or Kk.</summary>
    public Dictionary<string, string> RecipientUnits { get; init; } = [];
    /// <summary>An alert answered in words instead of the button ("siap", "ga bisa") → Siap or TidakBisa.</summary>
    public Dictionary<string, string> AlertAnswers { get; init; } = [];
    /// <summary>Words that name a flow outright ("lapor bencana", "penyaluran") → flow name.</summary>
    public Dictionary<string, string> FlowWords { get; init; } = [];
    /// <summary>Words that say "I want to report" ("lapor", "mau lapor", "ada kejadian").</summary>
    public List<string> ReportWords { get; init; } = [];
    /// <summary>Words of a question about figures ("capaian", "berapa", "rekap").</summary>
    public List<string> QuestionWords { get; init; } = [];
    /// <summary>Weak question words ("berapa", "jumlah"): a question unless the message also says it is a report.</summary>
    public List<string> QuestionHints { get; init; } = [];
    /// <summary>Greetings ("halo", "pagi pak", "assalamualaikum").</summary>
    public List<string> Greetings { get; init; } = [];
    /// <summary>Thanks and acknowledgements ("terima kasih", "siap", "ok").</summary>
    public List<string> Thanks { get; init; } = [];
    /// <summary>Asking for the menu ("menu", "help", "cara lapor").</summary>
    public List<string> HelpWords { get; init; } = [];
    /// <summary>Weak hints of a flow ("bantuan" → logistik, "kasus" → ppks): they decide only when nothing stronger is named.</summary>
    public Dictionary<string, string> FlowHints { get; init; } = [];
}
