using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Engine;

/// <summary>Issue #12's findings, played as a Tagana of Malili (Luwu Timur) would: short answers, numbers, one thumb.</summary>
public class OneThumbTests
{
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    private Task<BotHarness> WithReporterAsync() => Scenario.StartWithReporterAsync(storage: Storage);

    /// <summary>A new flood in Wotu by reporter 10 (of Malili), all seven counts in one message.</summary>
    private static async Task<IReadOnlyList<string>> ReportWotuFloodAsync(BotHarness bot)
    {
        List<string> sent = ["/bencana", "Banjir", "Wotu", "Lampia", "hari ini", "0 0 2 40 120 30 100", "simpan"];
        var start = await bot.SendAsync("10", sent[0]);
        var replies = new List<string> { start.Single().Text };
        if (start.SelectMany(r => r.Choices).Any(c => c.Data == "new")) replies.Add(await bot.Press("10", "new"));
        foreach (var a in sent.Skip(1)) replies.Add(await bot.Say("10", a));
        return replies;
    }

    [Fact]
    public async Task Asking_for_the_menu_in_the_middle_of_a_flow_shows_it_and_asks_again()
    {
        await using var bot = await WithReporterAsync();
        foreach (var a in new[] { "/bencana", "Banjir" }) await bot.Say("10", a);
        var help = await bot.Say("10", "/bantuan");
        Assert.DoesNotContain("tidak dikenal", help);
        Assert.Contains("/logistik", help);
        Assert.Contains("Lanjutkan: Di kecamatan mana?", help);
    }

    [Fact]
    public async Task A_slip_of_the_thumb_at_the_summary_still_saves_or_edits()
    {
        await using var bot = await WithReporterAsync();
        foreach (var a in new[] { "/bencana", "Banjir", "Malili", "Puncak Indah", "hari ini", "0 0 2 40 120 30 100" }) await bot.Say("10", a);
        Assert.Contains("Bagian mana", await bot.Say("10", "ubha"));
        await bot.Say("10", "kembali");
        Assert.Contains("tersimpan dengan nomor BC-2024-0001", await bot.Say("10", "simpen"));
    }

    [Fact]
    public async Task A_flood_with_seven_counts_takes_seven_messages_and_an_update_of_tertangani_four()
    {
        await using var bot = await WithReporterAsync();
        var replies = await ReportWotuFloodAsync(bot);
        Assert.Equal(7, replies.Count);
        Assert.Contains("Bisa sekaligus", replies[4]); // the first count question says so
        Assert.Contains("BC-2024-0001", replies[^1]);

        Assert.Contains("Angka mana yang berubah", await bot.Say("10", "/ubah BC-2024-0001"));
        await bot.Say("10", "Tertangani");
        Assert.Contains("Tertangani: 100 → 120", await bot.Say("10", "120"));
        Assert.Contains("tersimpan", await bot.Say("10", "simpan"));
        await using var db = bot.Db();
        var e = db.Events.Single();
        Assert.Equal((0, 0, 2, 40, 120, 30, 120), (e.Counts.Meninggal, e.Counts.Hilang, e.Counts.Luka, e.Counts.Mengungsi,
            e.Counts.TerdampakJiwa, e.Counts.TerdampakKk, e.Counts.Tertangani));
    }

    [Fact]
    public async Task A_report_in_free_text_starts_its_flow_with_what_it_says_and_says_so()
    {
        await using var bot = await WithReporterAsync();
        var started = await bot.Say("10", "ada banjir di wotu pak, mau lapor");
        Assert.Contains("Dari pesan Anda: Jenis bencana: Banjir; Kecamatan: Wotu", started);
        Assert.Contains("desa", started);
        foreach (var a in new[] { "Lampia", "hari ini" }) await bot.Say("10", a);
        Assert.Contains("Kecamatan: Wotu", await bot.Say("10", "0 0 2 40 120 30 100"));
        Assert.Contains("BC-2024-0001", await bot.Say("10", "simpan"));
    }

    [Fact]
    public async Task A_refused_number_in_a_row_of_counts_is_asked_next_and_the_others_stand()
    {
        await using var bot = await WithReporterAsync();
        foreach (var a in new[] { "/bencana", "Banjir", "Wotu", "Lampia", "hari ini" }) await bot.Say("10", a);
        var refused = await bot.Say("10", "0 0 2 40 120 30 200");
        Assert.Contains("⚠️ Tertangani (200) tidak boleh lebih dari jumlah korban (120", refused);
        Assert.Contains("sudah tertangani", refused); // the question now open is the refused one
        var summary = await bot.Say("10", "100");
        Assert.Contains("Meninggal: 0", summary);
        Assert.Contains("Tertangani: 100", summary);
    }

    [Fact]
    public async Task Events_elsewhere_in_the_kabupaten_are_offered_own_kecamatan_first_and_can_be_searched()
    {
        await using var bot = await WithReporterAsync();
        await ReportWotuFloodAsync(bot);
        await Scenario.ReportFloodAsync(bot, "10", desa: "Puncak Indah"); // Malili
        var aid = await bot.SendAsync("10", "/logistik");
        var offered = aid.Single().Choices.Select(c => c.Label).ToList();
        Assert.Equal(2, offered.Count);
        Assert.Contains("(Malili)", offered[0]);
        Assert.Contains("(Wotu)", offered[1]);
        Assert.Contains("Bantuan apa", await bot.Say("10", "wotu")); // typed kecamatan finds the one event there
        await bot.Say("10", "/batal");
        var update = await bot.SendAsync("10", "/bencana");
        Assert.Contains(update.Single().Choices, c => c.Label.Contains("BC-2024-0001"));
    }

    [Fact]
    public async Task At_a_count_a_typed_number_is_the_count_and_tetap_keeps_the_figure()
    {
        await using var bot = await WithReporterAsync();
        await ReportWotuFloodAsync(bot);
        await bot.Say("10", "/ubah BC-2024-0001");
        var question = await bot.SendAsync("10", "Meninggal");
        Assert.True(question.Single().AcceptsText); // channels must not turn "1" into a button press
        Assert.Contains("Meninggal: 0 → 1", await bot.Say("10", "1"));
        await bot.Say("10", "ubah");
        await bot.Say("10", "Luka-luka");
        var summary = await bot.Say("10", "tetap");
        Assert.Contains("Luka-luka: 2", summary);
        Assert.DoesNotContain("Luka-luka: 2 →", summary);
    }

    [Fact]
    public async Task The_duplicate_question_comes_after_the_form_so_a_number_never_presses_it()
    {
        await using var bot = await Scenario.StartWithReporterAsync("20", "Nurhayati TKSK", "TKSK", Storage);
        string[] form = ["/ppks", "Lanjut usia terlantar", "Hasnah", "lewati", "Malili", "Baruga"];
        foreach (var a in form.Concat(["2", "72", "Tinggal sendiri", "Permakanan", "ditangani", "simpan"])) await bot.Say("20", a);
        foreach (var a in form) Assert.DoesNotContain("Tambahkan ke", await bot.Say("20", a));
        Assert.Contains("Umur", await bot.Say("20", "2")); // 2 = Perempuan, not "Tetap buat kasus baru"
        foreach (var a in new[] { "72", "Tinggal sendiri", "Permakanan" }) await bot.Say("20", a);
        var duplicate = await bot.SendAsync("20", "ditangani");
        Assert.Contains("PK-2024-0001", duplicate.Single().Text);
        Assert.Contains(duplicate.Single().Choices, c => c.Label == "Tambahkan ke PK-2024-0001");
        await using var db = bot.Db();
        Assert.Equal("Perempuan", (await db.Cases.SingleAsync()).Sex.ToString());
    }

    [Fact]
    public async Task Words_people_use_for_zero_sex_regions_and_items_are_understood()
    {
        await using var bot = await WithReporterAsync();
        foreach (var a in new[] { "/daftar", "Sitti Aminah", "TKSK", "lutim" }) await bot.Say("30", a);
        Assert.Contains("Kabupaten: Luwu Timur", await bot.Say("30", "Wotu"));
        await bot.Say("30", "/batal");

        foreach (var a in new[] { "/bencana", "Banjir", "Malili", "Baruga", "hari ini" }) await bot.Say("10", a);
        foreach (var zero in new[] { "tdk ada", "nihil", "-" }) await bot.Say("10", zero);
        foreach (var n in new[] { "dua", "120", "30" }) await bot.Say("10", n);
        var summary = await bot.Say("10", "seratus");
        Assert.Contains("Meninggal: 0", summary);
        Assert.Contains("Luka-luka: 0", summary);
        Assert.Contains("Mengungsi: 2", summary);
        Assert.Contains("Tertangani: 100", summary);
        await bot.Say("10", "simpan");

        var start = await bot.SendAsync("10", "/logistik");
        await bot.Press("10", BotHarness.Data(start, "BC-2024-0001"));
        Assert.Contains("jumlahnya", await bot.Say("10", "beras"));
        foreach (var a in new[] { "50", "kg", "25" }) await bot.Say("10", a);
        Assert.Contains("Di mana bantuan diserahkan", await bot.Say("10", "org")); // "org" is Orang
        await bot.Say("10", "/batal");

        foreach (var a in new[] { "/ppks", "lansia", "Hasnah", "lewati", "Malili", "Baruga" }) await bot.Say("10", a);
        Assert.Contains("Umur", await bot.Say("10", "pr"));
    }

    [Fact]
    public async Task Users_read_indonesian_labels_capitalised_statuses_and_one_date_format()
    {
        await using var bot = await Scenario.StartWithReporterAsync("20", "Nurhayati TKSK", "TKSK", Storage);
        foreach (var a in new[] { "/ppks", "lansia", "Hasnah", "lewati", "Malili", "Baruga", "P", "72", "Tinggal sendiri", "1", "baru", "simpan" })
            await bot.Say("20", a);
        foreach (var a in new[] { "/ubah PK-2024-0001", "Status", "ditangani", "Sudah diantar makanan", "simpan" }) await bot.Say("20", a);
        var status = await bot.Say("20", "/status PK-2024-0001");
        Assert.Contains("status Ditangani", status);
        Assert.Contains("[15 Maret 2024] Sudah diantar makanan", status);
        Assert.DoesNotContain("2024-03-15", status);
        var items = bot.Services.GetRequiredService<CaseBot.Domain.Configuration.Catalogs>().AidItems.Select(i => i.Name).ToList();
        Assert.DoesNotContain("Kids ware", items);
        Assert.DoesNotContain("Family kit", items);
    }

    [Fact]
    public async Task After_a_restart_the_pending_question_is_ready_to_send_to_each_user_mid_flow()
    {
        var bot = await WithReporterAsync();
        foreach (var a in new[] { "/bencana", "Banjir", "Malili" }) await bot.Say("10", a);
        await using var restarted = await bot.RestartAsync();
        var pending = await restarted.Engine.PendingQuestionsAsync(BotHarness.Channel);
        var (conversation, message) = Assert.Single(pending);
        Assert.Equal(("test:10", "10"), (conversation.UserKey, message.ChatId));
        Assert.Contains("Bot aktif kembali", message.Text);
        Assert.Contains("Nama desa/kelurahan?", message.Text);
    }

    [Fact]
    public async Task Status_understands_short_numbers_of_ones_own_reports()
    {
        await using var bot = await WithReporterAsync();
        await ReportWotuFloodAsync(bot);
        Assert.Contains("BC-2024-0001 Banjir", await bot.Say("10", "/status 1"));
        Assert.Contains("BC-2024-0001 Banjir", await bot.Say("10", "/status bc 1"));
        Assert.Contains("tidak ditemukan", await bot.Say("10", "/status 7"));
        Assert.Contains("tidak bisa diubah", await bot.Say("10", "/ubah LG-2024-0001"));
    }
}

public sealed class OneThumbTestsOnPostgres : OneThumbTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}

public class CatalogOtherTests
{
    [Fact]
    public async Task An_item_the_catalog_lacks_is_typed_under_lainnya_saved_and_shown_to_admins()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        await Scenario.ReportFloodAsync(bot, "10");
        var start = await bot.SendAsync("10", "/logistik");
        await bot.Press("10", BotHarness.Data(start, "BC-2024-0001"));
        Assert.Contains("Ketik jenis bantuannya", await bot.Say("10", "Lainnya"));
        foreach (var a in new[] { "Beras", "50", "kg", "20", "KK", "Posko" }) await bot.Say("10", a);
        Assert.Contains("Jenis bantuan: Beras (lainnya)", await bot.Say("10", "hari ini"));
        var saved = await bot.SendAsync("10", "simpan");
        Assert.Contains(saved, m => m.ChatId == BotHarness.AdminId && m.Text.Contains("\"Beras\"") && m.Text.Contains("LG-2024-0001"));
        await using var db = bot.Db();
        Assert.Equal("lainnya:Beras", db.Aid.Single().ItemCode);
    }

    [Fact]
    public async Task Several_services_can_be_named_at_once_and_none_yet_is_a_choice()
    {
        await using var bot = await Scenario.StartWithReporterAsync("20", "Nurhayati TKSK", "TKSK");
        foreach (var a in new[] { "/ppks", "Lanjut usia terlantar", "Hasnah", "lewati", "Malili", "Baruga", "Perempuan", "72" })
            await bot.Say("20", a);
        Assert.Contains("Boleh lebih dari satu", await bot.Say("20", "Tinggal sendiri"));
        Assert.Contains("tidak bisa digabung", await bot.Say("20", "1, Belum ada layanan"));
        Assert.Contains("Status kasus", await bot.Say("20", "1, 8"));
        Assert.Contains("Layanan: Permakanan, Rujukan", await bot.Say("20", "dirujuk"));
        await bot.Say("20", "simpan");
        await using (var db = bot.Db()) Assert.Equal("permakanan,rujukan", db.Cases.Single().ServiceCode);
        Assert.Contains("Layanan: Permakanan, Rujukan", await bot.Say("20", "/status PK-2024-0001"));

        await bot.Say("20", "/ubah PK-2024-0001");
        var services = await bot.SendAsync("20", "Layanan");
        Assert.Contains(services.Single().Choices, c => c.Label == "Belum ada layanan");
    }
}
