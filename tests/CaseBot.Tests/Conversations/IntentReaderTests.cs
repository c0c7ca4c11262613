using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Conversations.Intent;
using CaseBot.Tests.Support;
using Xunit;

namespace CaseBot.Tests.Conversations;

public sealed class IntentReaderTests
{
    private static readonly string Config = Path.Combine(RepoRoot.Path, "config");
    private static readonly Vocabulary Vocabulary = ConfigFiles.LoadVocabulary(Config);
    private static readonly IntentReader Reader = new(new ReferenceData(ConfigFiles.LoadCatalogs(Config), ConfigFiles.LoadRegions(Config),
        new CaseBotOptions(), Vocabulary));

    private static Reporter Tagana(ReporterRole role = ReporterRole.Tagana) =>
        new() { Name = "Rahmat", Role = role, Kabupaten = "Luwu Timur", Kecamatan = "Malili", Status = ReporterStatus.Approved };

    private static StartFlowIntent Start(string text, ReporterRole role = ReporterRole.Tagana) =>
        Assert.IsType<StartFlowIntent>(Reader.Read(text, Tagana(role)));

    [Fact]
    public void A_report_starts_its_flow_with_what_it_says()
    {
        var intent = Start("ada banjir di wotu pak, mau lapor");
        Assert.Equal("bencana", intent.Flow);
        Assert.Equal("banjir", intent.Answers["kind"]);
        Assert.Equal("Wotu", intent.Answers["kecamatan"]);
    }

    [Fact]
    public void A_configured_desa_brings_its_kecamatan_and_an_unknown_one_is_taken_after_desa()
    {
        var known = Start("banjir bandang di desa lampia kemarin");
        Assert.Equal(("banjir-bandang", "Malili", "Lampia", "kemarin"),
            (known.Answers["kind"], known.Answers["kecamatan"], known.Answers["desa"], known.Answers["date"]));
        var unknown = Start("ada kebakaran di desa lampenai");
        Assert.Equal("Lampenai", unknown.Answers["desa"]);
        Assert.False(unknown.Answers.ContainsKey("kecamatan"));
    }

    [Fact]
    public void Slips_in_kinds_and_kecamatan_are_forgiven()
    {
        var intent = Start("banjri di tomoni timr");
        Assert.Equal(("banjir", "Tomoni Timur"), (intent.Answers["kind"], intent.Answers["kecamatan"]));
    }

    [Fact]
    public void Ppks_and_aid_are_read_with_their_details()
    {
        var ppks = Start("lansia laki-laki umur tujuh puluh tahun di wotu");
        Assert.Equal(("ppks", "lansia-terlantar", "LakiLaki", "70", "Wotu"),
            (ppks.Flow, ppks.Answers["type"], ppks.Answers["sex"], ppks.Answers["age"], ppks.Answers["kecamatan"]));
        var aid = Start("nasi bungkus dua ratus porsi");
        Assert.Equal(("logistik", "permakanan", "200", "porsi"), (aid.Flow, aid.Answers["item"], aid.Answers["qty"], aid.Answers["unit"]));
    }

    [Theory]
    [InlineData("banjir di wotu, 2 org luka, 40 mengungsi", "luka=2 mengungsi=40")]
    [InlineData("banjir wotu luka 2 mengungsi 40", "luka=2 mengungsi=40")]
    [InlineData("kebakaran di baruga, tidak ada korban jiwa, 12 kk terdampak", "meninggal=0 terdampak_kk=12")]
    [InlineData("banjir, seratus lima puluh jiwa mengungsi", "mengungsi=150")]
    [InlineData("banjir di wotu 3 hari lalu", "")]
    public void Victim_counts_in_the_message_are_answers(string text, string expected)
    {
        string[] keys = ["meninggal", "hilang", "luka", "mengungsi", "terdampak_jiwa", "terdampak_kk", "tertangani"];
        var answers = Start(text).Answers;
        Assert.Equal(expected, string.Join(' ', keys.Where(answers.ContainsKey).Select(k => $"{k}={answers[k]}")));
    }

    [Fact]
    public void Plain_lapor_starts_what_the_role_usually_reports()
    {
        Assert.Equal("bencana", Start("lapor").Flow);
        Assert.Equal("ppks", Start("mau lapor", ReporterRole.Tksk).Flow);
    }

    [Theory]
    [InlineData("capaian ppks triwulan 2")]
    [InlineData("berapa persen korban tertangani di Malili bulan ini?")]
    [InlineData("rekap hari ini")]
    public void Questions_are_questions(string text) => Assert.IsType<QuestionIntent>(Reader.Read(text, Tagana()));

    [Theory]
    [InlineData("halo pak", false)]
    [InlineData("Assalamualaikum", false)]
    [InlineData("terima kasih pak", true)]
    public void Greetings_are_greetings(string text, bool thanks) =>
        Assert.Equal(thanks, Assert.IsType<GreetingIntent>(Reader.Read(text, Tagana())).Thanks);

    [Theory]
    [InlineData("asdfgh")]
    [InlineData("listrik padam dari tadi")]
    [InlineData("pak kepala ada?")]
    public void Noise_is_unknown(string text) => Assert.IsType<UnknownIntent>(Reader.Read(text, Tagana()));
}

public sealed class VocabularyParsingTests
{
    private static readonly Vocabulary Vocabulary = ConfigFiles.LoadVocabulary(Path.Combine(RepoRoot.Path, "config"));

    [Theory]
    [InlineData("12", 12)]
    [InlineData("1.234", 1234)]
    [InlineData("nihil", 0)]
    [InlineData("tdk ada", 0)]
    [InlineData("-", 0)]
    [InlineData("belum ada", 0)]
    [InlineData("dua", 2)]
    [InlineData("sepuluh", 10)]
    [InlineData("sebelas", 11)]
    [InlineData("dua belas", 12)]
    [InlineData("dua puluh", 20)]
    [InlineData("dua puluh tiga orang", 23)]
    [InlineData("seratus", 100)]
    [InlineData("seratus lima puluh jiwa", 150)]
    [InlineData("seribu", 1000)]
    [InlineData("seribu dua ratus", 1200)]
    [InlineData("tiga ribu lima ratus", 3500)]
    [InlineData("3 ribu", 3000)]
    [InlineData("Lima KK", 5)]
    public void Counts_in_words(string text, int expected)
    {
        Assert.True(InputParsers.TryParseCountWords(text, Vocabulary, out var n), text);
        Assert.Equal(expected, n);
    }

    [Theory]
    [InlineData("banyak")]
    [InlineData("dua tiga")]
    [InlineData("")]
    [InlineData("lima puluhan ekor")]
    public void Not_counts(string text) => Assert.False(InputParsers.TryParseCountWords(text, Vocabulary, out _));

    [Fact]
    public void Vocabulary_points_only_at_configured_codes_and_places()
    {
        var catalogs = ConfigFiles.LoadCatalogs(Path.Combine(RepoRoot.Path, "config"));
        var regions = ConfigFiles.LoadRegions(Path.Combine(RepoRoot.Path, "config"));
        Assert.All(Vocabulary.DisasterKinds.Values, c => Assert.NotNull(catalogs.DisasterKind(c)));
        Assert.All(Vocabulary.AidItems.Values, c => Assert.NotNull(catalogs.AidItem(c)));
        Assert.All(Vocabulary.PpksTypes.Values, c => Assert.NotNull(catalogs.PpksType(c)));
        Assert.All(Vocabulary.RegionAbbreviations.Values, r => Assert.NotNull(regions.Find(r)));
        Assert.All(Vocabulary.SexWords.Values, s => Assert.True(Enum.IsDefined(Enum.Parse<Sex>(s))));
        Assert.All(Vocabulary.FlowWords.Values.Concat(Vocabulary.FlowHints.Values), f => Assert.Contains(f, new[] { "bencana", "logistik", "ppks" }));
    }
}
