using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Telegram;

/// <summary>Issue #12's findings played over the Telegram Bot API emulator by a Tagana of Malili (Luwu Timur).</summary>
[Collection(TelegramCollection.Name)]
public sealed class OneThumbTelegramTests(TelegramEmulator emulator)
{
    private const long Tagana = 21, Tksk = 22;

    private static async Task RegisterAsync(TelegramBotUnderTest bot, long user, string name, string role)
    {
        await bot.Say(user, "/daftar");
        var q = await bot.ExpectAsync(user, "nama lengkap");
        foreach (var (answer, next) in new[] { (name, "peran"), (role, "kabupaten"), ("Luwu Timur", "kecamatan"), ("Malili", "Periksa pendaftaran"), ("Simpan", "Pendaftaran terkirim") })
            q = await bot.AnswerAsync(user, q, answer, next);
        var notice = await bot.ExpectAsync(TelegramBotUnderTest.AdminId, $"{name},");
        await bot.Press(TelegramBotUnderTest.AdminId, notice, "Setujui");
        await bot.ExpectAsync(user, "Pendaftaran Anda disetujui");
    }

    [Fact]
    public async Task A_tagana_reports_a_flood_in_wotu_updates_it_and_hands_out_aid_with_one_thumb()
    {
        await using var bot = await TelegramBotUnderTest.StartAsync(emulator);
        await RegisterAsync(bot, Tagana, "Rahmat Tagana", "Tagana");

        // A flood in Wotu, the seven counts in one message: 7 messages in all.
        await bot.Say(Tagana, "/bencana");
        var q = await bot.ExpectAsync(Tagana, "Jenis bencana apa?");
        q = await bot.AnswerAsync(Tagana, q, "Banjir", "Di kecamatan mana?");
        q = await bot.AnswerAsync(Tagana, q, "wotu", "desa");
        q = await bot.AnswerAsync(Tagana, q, "Lampia", "Kapan kejadiannya?");
        q = await bot.AnswerAsync(Tagana, q, "Hari ini", "Bisa sekaligus");
        q = await bot.AnswerAsync(Tagana, q, "0 0 2 40 120 30 100", "Periksa laporan bencana");
        Assert.Contains("Tertangani: 100", q.Text);
        await bot.AnswerAsync(Tagana, q, "Simpan", "tersimpan dengan nomor BC-");

        // The event in another kecamatan of the kabupaten is offered for aid, and found by typing its kecamatan.
        await bot.Say(Tagana, "/logistik");
        q = await bot.ExpectAsync(Tagana, "kejadian yang mana");
        Assert.Contains(q.Buttons, b => b.Label.Contains("(Wotu)"));
        q = await bot.AnswerAsync(Tagana, q, "wotu", "Bantuan apa");
        q = await bot.AnswerAsync(Tagana, q, "Lainnya", "Ketik jenis bantuannya");
        q = await bot.AnswerAsync(Tagana, q, "Beras", "jumlahnya");
        q = await bot.AnswerAsync(Tagana, q, "50", "Satuannya");
        q = await bot.AnswerAsync(Tagana, q, "kg", "penerimanya");
        q = await bot.AnswerAsync(Tagana, q, "20", "dihitung dalam");
        q = await bot.AnswerAsync(Tagana, q, "KK", "Di mana bantuan");
        q = await bot.AnswerAsync(Tagana, q, "Posko Lampia", "Kapan bantuan");
        q = await bot.AnswerAsync(Tagana, q, "Hari ini", "Beras (lainnya)");
        await bot.AnswerAsync(Tagana, q, "Simpan", "Laporan logistik tersimpan");
        await bot.ExpectAsync(TelegramBotUnderTest.AdminId, "\"Beras\"");

        // An update that changes only tertangani: 4 messages; a typed 1 at a count is the count.
        await bot.Say(Tagana, "/status 1");
        q = await bot.ExpectAsync(Tagana, "Nomor 1 ada di beberapa laporan Anda");
        var number = q.Buttons.Single(b => b.Label.StartsWith("BC-")).Label;
        await bot.Say(Tagana, "/ubah bc 1");
        q = await bot.ExpectAsync(Tagana, "Angka mana yang berubah");
        q = await bot.AnswerAsync(Tagana, q, "Tertangani", "sudah tertangani");
        q = await bot.AnswerAsync(Tagana, q, "120", "Tertangani: 100 → 120");
        await bot.AnswerAsync(Tagana, q, "Simpan", "tersimpan");
        await bot.Say(Tagana, $"/ubah {number}");
        q = await bot.ExpectAsync(Tagana, "Angka mana yang berubah");
        q = await bot.AnswerAsync(Tagana, q, "Meninggal", "korban meninggal");
        q = await bot.AnswerAsync(Tagana, q, "1", "Meninggal: 0 → 1");
        await bot.AnswerAsync(Tagana, q, "Batal", "dibatalkan");
        await bot.Say(Tagana, "/ubah lg 1");
        await bot.ExpectAsync(Tagana, "tidak bisa diubah");

        await using var db = bot.Db();
        var e = await db.Events.SingleAsync();
        Assert.Equal(("Wotu", 0, 120), (e.Kecamatan, e.Counts.Meninggal, e.Counts.Tertangani));
        Assert.Equal("lainnya:Beras", (await db.Aid.SingleAsync()).ItemCode);
    }

    [Fact]
    public async Task After_a_restart_the_pending_question_comes_at_once_without_the_user_typing()
    {
        var bot = await TelegramBotUnderTest.StartAsync(emulator);
        await RegisterAsync(bot, Tksk, "Sitti TKSK", "TKSK");
        await bot.Say(Tksk, "/ppks");
        var q = await bot.ExpectAsync(Tksk, "Jenis PPKS apa?");
        await bot.AnswerAsync(Tksk, q, "lansia", "Nama lengkap");
        var (folder, token) = (bot.Folder, bot.Token);
        await bot.DisposeAsync();

        await using var restarted = await TelegramBotUnderTest.StartAsync(emulator, folder, token);
        var resumed = await restarted.ExpectAsync(Tksk, "Bot aktif kembali");
        Assert.Contains("Nama lengkap", resumed.Text);
        await restarted.Say(Tksk, "Hasnah");
        await restarted.ExpectAsync(Tksk, "NIK");
    }

    [Fact]
    public async Task Free_text_and_field_words_reach_the_right_place()
    {
        await using var bot = await TelegramBotUnderTest.StartAsync(emulator);
        await RegisterAsync(bot, Tagana, "Rahmat Tagana", "Tagana");

        await bot.Say(Tagana, "asdfgh");
        var unknown = await bot.ExpectAsync(Tagana, "Maaf, saya belum paham.");
        Assert.Equal(3, unknown.Buttons.Count); // three likely commands, not the whole menu
        await bot.Say(Tagana, "halo pak");
        await bot.ExpectAsync(Tagana, "Halo");

        await bot.Say(Tagana, "ada banjir di wotu pak, mau lapor");
        var q = await bot.ExpectAsync(Tagana, "Dari pesan Anda: Jenis bencana: Banjir; Kecamatan: Wotu");
        q = await bot.AnswerAsync(Tagana, q, "Lampia", "Kapan kejadiannya?");
        q = await bot.AnswerAsync(Tagana, q, "Hari ini", "korban meninggal");
        foreach (var (answer, next) in new[] { ("tdk ada", "hilang"), ("nihil", "luka"), ("-", "mengungsi"), ("dua", "jiwa terdampak"), ("120", "KK terdampak"), ("30", "tertangani") })
            q = await bot.AnswerAsync(Tagana, q, answer, next);
        q = await bot.AnswerAsync(Tagana, q, "seratus", "Periksa laporan bencana");
        Assert.Contains("Mengungsi: 2", q.Text);
        await bot.AnswerAsync(Tagana, q, "Simpan", "tersimpan dengan nomor");

        await bot.Say(Tagana, "lapor ppks lansia terlantar di malili");
        q = await bot.ExpectAsync(Tagana, "Nama lengkap");
        Assert.Contains("Lanjut usia terlantar", q.Text);
        q = await bot.AnswerAsync(Tagana, q, "Hasnah", "NIK");
        q = await bot.AnswerAsync(Tagana, q, "Lewati", "desa");
        q = await bot.AnswerAsync(Tagana, q, "Baruga", "Jenis kelamin");
        q = await bot.AnswerAsync(Tagana, q, "P", "Umur");
        q = await bot.AnswerAsync(Tagana, q, "72", "Ceritakan");
        q = await bot.AnswerAsync(Tagana, q, "Tinggal sendiri", "Layanan apa");
        q = await bot.AnswerAsync(Tagana, q, "1, 8", "Status kasus");
        q = await bot.AnswerAsync(Tagana, q, "Ditangani", "Periksa laporan PPKS");
        Assert.Contains("Jenis kelamin: Perempuan", q.Text);
        Assert.Contains("Layanan: Permakanan, Rujukan", q.Text);
        Assert.Contains("Status: Ditangani", q.Text);
        await bot.AnswerAsync(Tagana, q, "Simpan", "Kasus PPKS tersimpan");
    }
}
