using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using CaseBot.Tests.Support;

namespace CaseBot.Tests.Reporting;

/// <summary>Officers ask in their own words, through the chat; today is 15 March 2024 (WITA).</summary>
public sealed class CapaianQuestionTests
{
    private static async Task<BotHarness> SeededAsync()
    {
        var bot = await BotHarness.StartAsync();
        await Scenario.RegisterAdminAsync(bot);
        await Scenario.RegisterApprovedAsync(bot, "30", "Pak Kasi Malili", role: "Petugas Dinas", kecamatan: "Malili");
        await Scenario.RegisterApprovedAsync(bot, "31", "Relawan Tagana", role: "Tagana");
        await using var db = bot.Db();
        Seed.Event(db, "Luwu Timur", "Malili", new DateOnly(2024, 3, 2), terdampak: 200, tertangani: 150);
        Seed.Event(db, "Luwu Timur", "Wotu", new DateOnly(2024, 1, 20), terdampak: 100, tertangani: 100);
        Seed.Event(db, "Luwu Timur", "Malili", new DateOnly(2024, 5, 1), terdampak: 50, tertangani: 0);
        Seed.Cases(db, 30, "Luwu Timur", "Malili", new DateOnly(2024, 2, 1), CaseStatus.Ditangani);
        await db.SaveChangesAsync();
        return bot;
    }

    public static TheoryData<string, string[]> Phrasings => new()
    {
        { "/capaian", ["Capaian Luwu Timur, tahun 2024", "Korban bencana tertangani (SPM)", "PPKS ditangani"] },
        { "/capaian bencana", ["Realisasi 71,43% (250 dari 350 jiwa)", "Target 100% → capaian 71,43% (Sedang)"] },
        { "/capaian ppks", ["PPKS ditangani & dibantu", "30 dari 28.860"] },
        { "/capaian spm-bencana Malili triwulan 1", ["Kec. Malili, triwulan I 2024", "150 dari 200 jiwa"] },
        { "capaian", ["Capaian Luwu Timur, tahun 2024"] },
        { "capaian bencana tahun ini", ["tahun 2024", "250 dari 350"] },
        { "capaian ppks triwulan 2", ["triwulan II 2024", "PPKS"] },
        { "capaian ppks tw 1", ["triwulan I 2024", "30 dari 28.860"] },
        { "berapa persen korban bencana yang sudah tertangani di Malili bulan ini?", ["Kec. Malili, Maret 2024", "150 dari 200 jiwa"] },
        { "Berapa persen korban tertangani di Wotu?", ["Kec. Wotu, tahun 2024", "100 dari 100 jiwa"] },
        { "capaian bencana di Malli", ["Maksud Anda Malili?", "Kec. Malili"] },
        { "capaian bencana Januari", ["Januari 2024", "100 dari 100 jiwa"] },
        { "capaian bencana bulan lalu", ["Februari 2024", "belum ada data"] },
        { "korban bencana triwulan pertama", ["triwulan I 2024", "250 dari 300 jiwa"] },
        { "capaian bencana 2023", ["tahun 2023", "Target belum ditetapkan"] },
        { "capaian bencana 01/01/2024 - 29/02/2024", ["1 Januari 2024 s.d. 29 Februari 2024", "100 dari 100"] },
        { "capaian bencana 1 Januari 2024 sampai 15 Maret 2024", ["250 dari 300 jiwa"] },
        { "capaian permakanan", ["Pengungsi dapat permakanan", "Realisasi 0 orang"] },
        { "capaian lansia", ["Lansia terlantar (SPM)"] },
        { "capaian bencana Tomoni Timr", ["Maksud Anda Tomoni Timur?"] },
        { "CAPAIAN BENCANA KEC. MALILI", ["Kec. Malili"] },
        { "rekap hari ini", ["Rekap laporan baru Luwu Timur, 15 Maret 2024"] },
        { "/rekap", ["Rekap laporan baru", "Belum ada laporan baru"] },
        { "capaian bencana di Mamuju", ["Capaian Mamuju"] },
    };

    [Theory]
    [MemberData(nameof(Phrasings))]
    public async Task Officers_get_answers_in_their_own_words(string question, string[] expected)
    {
        await using var bot = await SeededAsync();
        var answer = await bot.Say(BotHarness.AdminId, question);
        foreach (var part in expected) Assert.Contains(part, answer);
        Assert.DoesNotContain("Menu ", answer);
    }

    [Fact]
    public async Task An_unknown_region_is_said_with_examples()
    {
        await using var bot = await SeededAsync();
        var answer = await bot.Say(BotHarness.AdminId, "capaian bencana di Atlantis");
        Assert.Contains("Wilayah \"atlantis\" tidak dikenal", answer);
        Assert.Contains("Contoh pertanyaan", answer);
    }

    [Fact]
    public async Task An_unrecognised_question_gets_examples()
    {
        await using var bot = await SeededAsync();
        Assert.Contains("Contoh pertanyaan", await bot.Say(BotHarness.AdminId, "kapan rapat koordinasi?"));
    }

    [Fact]
    public async Task A_kecamatan_officer_sees_their_area_not_the_neighbours()
    {
        await using var bot = await SeededAsync();
        Assert.Contains("Capaian Kec. Malili", await bot.Say("30", "/capaian bencana"));
        Assert.Contains("hanya dapat melihat capaian wilayah Malili", await bot.Say("30", "capaian bencana Wotu"));
    }

    [Fact]
    public async Task Reporters_are_not_officers()
    {
        await using var bot = await SeededAsync();
        Assert.Contains("khusus petugas", await bot.Say("31", "/capaian"));
        // Free text: a reporter is told capaian is for officers, with their likely commands as buttons.
        var reply = (await bot.SendAsync("31", "capaian bencana")).Single();
        Assert.Contains("hanya bisa dilihat petugas dinas", reply.Text);
        Assert.Contains(reply.Choices, c => c.Data == "/bencana");
    }

    [Fact]
    public async Task Capaian_may_be_asked_in_a_group_chat_and_holds_no_names()
    {
        await using var bot = await SeededAsync();
        var replies = await bot.SendAsync(BotHarness.AdminId, "/capaian@CaseBot ppks", kind: ChatKind.Group, chatId: "-100");
        var answer = Assert.Single(replies).Text;
        Assert.Contains("PPKS", answer);
        Assert.DoesNotContain("Warga", answer);
    }
}
