using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CaseBot.Domain.Entities;
using Microsoft.EntityFrameworkCore;

using CaseBot.Tests.Support;

namespace CaseBot.Tests.Telegram;

[CollectionDefinition(Name)]
public sealed class TelegramCollection : ICollectionFixture<TelegramEmulator>
{
    public const string Name = "telegram emulator";
}

/// <summary>The real bot host against the Telegram Bot API emulator over HTTP on loopback, played as users would.</summary>
[Collection(TelegramCollection.Name)]
public sealed class TelegramEndToEndTests(TelegramEmulator emulator)
{
    private const long Reporter = 11, SecondReporter = 12;

    private static async Task RegisterAndApproveAsync(TelegramBotUnderTest bot, long user, string name, string role = "TKSK")
    {
        await bot.Say(user, "/daftar");
        var q = await bot.ExpectAsync(user, "nama lengkap");
        q = await bot.AnswerAsync(user, q, name, "peran");
        q = await bot.AnswerAsync(user, q, role, "kabupaten");
        q = await bot.AnswerAsync(user, q, "Luwu Timur", "kecamatan");
        q = await bot.AnswerAsync(user, q, "Malili", "Periksa pendaftaran");
        await bot.AnswerAsync(user, q, "Simpan", "Pendaftaran terkirim");
        var notice = await bot.ExpectAsync(TelegramBotUnderTest.AdminId, $"Pendaftaran baru");
        await bot.Press(TelegramBotUnderTest.AdminId, notice, "Setujui");
        await bot.ExpectAsync(TelegramBotUnderTest.AdminId, $"{name} (");
        await bot.ExpectAsync(user, "Pendaftaran Anda disetujui");
    }

    [Fact]
    public async Task A_reporter_registers_is_approved_and_reports_one_of_each_kind_through_buttons()
    {
        await using var bot = await TelegramBotUnderTest.StartAsync(emulator);
        await RegisterAndApproveAsync(bot, Reporter, "Siti Rahma");

        // Bencana
        await bot.Say(Reporter, "/bencana");
        var q = await bot.ExpectAsync(Reporter, "Jenis bencana apa?");
        Assert.Contains(q.Buttons, b => b.Label.StartsWith("Berikutnya")); // 14 kinds, 8 a page
        q = await bot.AnswerAsync(Reporter, q, "Banjir", "Di kecamatan mana?");
        Assert.Equal("Malili", q.Buttons[0].Label); // the reporter's own kecamatan first
        q = await bot.AnswerAsync(Reporter, q, "Malili", "desa");
        q = await bot.AnswerAsync(Reporter, q, "Puncak Indah", "Kapan kejadiannya?");
        q = await bot.AnswerAsync(Reporter, q, "Hari ini", "meninggal");
        foreach (var (answer, next) in new[] { ("0", "hilang"), ("0", "luka"), ("2", "mengungsi"), ("40", "jiwa terdampak"), ("120", "KK terdampak"), ("30", "tertangani"), ("100", "Periksa laporan bencana") })
            q = await bot.AnswerAsync(Reporter, q, answer, next);
        var saved = await bot.AnswerAsync(Reporter, q, "Simpan", "Laporan bencana tersimpan");
        var pressed = await emulator.CurrentAsync(bot.Token, Reporter, q.MessageId);
        Assert.Contains("✔️ ✅ Simpan", pressed.Text); // the summary now shows the choice and has no buttons left
        Assert.Empty(pressed.Buttons);

        // Logistik, with a photo as evidence and the place from a shared location
        await bot.Say(Reporter, "/logistik");
        q = await bot.ExpectAsync(Reporter, "kejadian yang mana");
        q = await bot.AnswerAsync(Reporter, q, "BC-", "Bantuan apa");
        q = await bot.AnswerAsync(Reporter, q, "Permakanan", "jumlahnya");
        q = await bot.AnswerAsync(Reporter, q, "300", "Satuannya");
        q = await bot.AnswerAsync(Reporter, q, "porsi", "penerimanya");
        q = await bot.AnswerAsync(Reporter, q, "100", "dihitung dalam");
        q = await bot.AnswerAsync(Reporter, q, "Orang", "Di mana bantuan");
        await emulator.SendRawAsync(bot.Token, Reporter, new JsonObject { ["photo"] = new JsonArray(new JsonObject { ["file_id"] = "foto-posko", ["file_unique_id"] = "u1", ["width"] = 800, ["height"] = 600 }) });
        await bot.ExpectAsync(Reporter, "Foto disimpan");
        await emulator.SendRawAsync(bot.Token, Reporter, new JsonObject { ["location"] = new JsonObject { ["latitude"] = -2.58, ["longitude"] = 121.07 } });
        q = await bot.ExpectAsync(Reporter, "Kapan bantuan");
        q = await bot.AnswerAsync(Reporter, q, "Hari ini", "Periksa laporan logistik");
        Assert.Contains("Foto bukti terlampir", q.Text);
        await bot.AnswerAsync(Reporter, q, "Simpan", "Laporan logistik tersimpan");

        // PPKS, paging to the second page of the 26 types
        await bot.Say(Reporter, "/ppks");
        q = await bot.ExpectAsync(Reporter, "Jenis PPKS apa?");
        await bot.Press(Reporter, q, "Berikutnya");
        var page2 = await WaitForEditAsync(bot, Reporter, q.MessageId, m => m.Buttons.Any(b => b.Label == "Tuna susila"));
        await bot.Press(Reporter, page2, "Tuna susila");
        q = await bot.ExpectAsync(Reporter, "Nama lengkap");
        q = await bot.AnswerAsync(Reporter, q, "Maria Goreti", "NIK");
        q = await bot.AnswerAsync(Reporter, q, "Lewati", "kecamatan");
        q = await bot.AnswerAsync(Reporter, q, "Malili", "desa");
        q = await bot.AnswerAsync(Reporter, q, "Lampia", "Jenis kelamin");
        q = await bot.AnswerAsync(Reporter, q, "Perempuan", "Umur");
        q = await bot.AnswerAsync(Reporter, q, "25", "Ceritakan");
        q = await bot.AnswerAsync(Reporter, q, "Dijangkau saat razia, dibawa ke rumah singgah", "Layanan apa");
        q = await bot.AnswerAsync(Reporter, q, "Rujukan", "Status kasus");
        q = await bot.AnswerAsync(Reporter, q, "ditangani", "Periksa laporan PPKS");
        await bot.AnswerAsync(Reporter, q, "Simpan", "Kasus PPKS tersimpan");

        await bot.Say(TelegramBotUnderTest.AdminId, "/capaian bencana Luwu Timur");
        var capaian = await bot.ExpectAsync(TelegramBotUnderTest.AdminId, "Capaian Luwu Timur");
        Assert.Contains("100 dari 120 jiwa", capaian.Text);

        await using var db = bot.Db();
        var reporter = await db.Reporters.SingleAsync(r => r.Name == "Siti Rahma");
        Assert.Equal((ReporterStatus.Approved, ReporterRole.Tksk), (reporter.Status, reporter.Role));
        var flood = await db.Events.SingleAsync();
        Assert.Equal(("banjir", "Puncak Indah", 120, 100), (flood.KindCode, flood.Desa, flood.Counts.TerdampakJiwa, flood.Counts.Tertangani));
        var aid = await db.Aid.SingleAsync();
        Assert.Equal(("foto-posko", "Lokasi -2.58000, 121.07000", 100), (aid.PhotoFileId, aid.Place, aid.Recipients));
        var ppks = await db.Cases.SingleAsync();
        Assert.Equal(("tuna-susila", "Maria Goreti", CaseStatus.Ditangani), (ppks.TypeCode, ppks.Name, ppks.Status));
        Assert.True((await db.Cursors.SingleAsync()).Position > 0);
        Assert.Contains(bot.Bridge.Local, c => c.Method == "setMyCommands" && c.Body.Contains("capaian"));
    }

    [Fact]
    public async Task Two_users_at_once_each_get_their_own_report()
    {
        await using var bot = await TelegramBotUnderTest.StartAsync(emulator);
        await RegisterAndApproveAsync(bot, Reporter, "Siti Rahma");
        await RegisterAndApproveAsync(bot, SecondReporter, "Yusuf Tagana", role: "Tagana");

        string[] answers = ["/ppks", "Anak terlantar", "", "lewati", "Malili", "Baruga", "Laki-laki", "10", "Putus sekolah", "Sandang", "baru", "simpan"];
        for (var i = 0; i < answers.Length; i++)
        {
            // Interleaved: each message of one user is followed by one of the other before either gets an answer.
            await Task.WhenAll(
                bot.Say(Reporter, answers[i] == "" ? "Anak Satu" : answers[i]),
                bot.Say(SecondReporter, answers[i] == "" ? "Anak Dua" : answers[i]));
            await Task.WhenAll(bot.ExpectAsync(Reporter, ""), bot.ExpectAsync(SecondReporter, ""));
        }
        await using var db = bot.Db();
        var cases = await db.Cases.OrderBy(c => c.Name).ToListAsync();
        Assert.Equal(["Anak Dua", "Anak Satu"], cases.Select(c => c.Name));
        var reporters = await db.Reporters.ToDictionaryAsync(r => r.Id, r => r.Name);
        Assert.Equal("Yusuf Tagana", reporters[cases[0].ReporterId]);
        Assert.Equal("Siti Rahma", reporters[cases[1].ReporterId]);
    }

    [Fact]
    public async Task In_a_group_the_bot_ignores_chatter_refuses_reports_and_lets_the_admin_register_it()
    {
        const long group = -100200300;
        await using var bot = await TelegramBotUnderTest.StartAsync(emulator);
        await RegisterAndApproveAsync(bot, Reporter, "Siti Rahma");

        await bot.Say(Reporter, "selamat pagi semua", group);
        await bot.Say(Reporter, "/ppks@OtherBot", group);
        await bot.Say(Reporter, "/ppks", group);
        var refused = await bot.ExpectAsync(group, "chat pribadi");
        Assert.DoesNotContain("selamat", refused.Text);

        await bot.Say(TelegramBotUnderTest.AdminId, "/daftargrup@TestNameBot Luwu Timur", group);
        await bot.ExpectAsync(group, "akan menerima ringkasan harian Luwu Timur");
        await bot.Say(TelegramBotUnderTest.AdminId, "/ringkasan", group);
        await WaitUntilAsync(() => bot.Bridge.Local.Any(c => c.Method == "sendPhoto" && c.Body.Contains("Ringkasan harian Luwu Timur")));

        await using var db = bot.Db();
        var registered = await db.Groups.SingleAsync();
        Assert.Equal((group.ToString(), "Luwu Timur"), (registered.ChatId, registered.Area));
        Assert.Empty(db.Conversations);
    }

    [Fact]
    public async Task Webhook_mode_checks_the_secret_and_handles_a_redelivered_update_once()
    {
        var port = Loopback.FreePort();
        await using var bot = await TelegramBotUnderTest.StartAsync(emulator, extraArgs:
        [
            "--CaseBot:Telegram:Mode=Webhook", $"--CaseBot:Telegram:WebhookUrl=http://127.0.0.1:{port}/telegram/webhook",
            "--CaseBot:Telegram:WebhookSecret=rahasia-dinsos", $"--CaseBot:Http:Urls=http://127.0.0.1:{port}",
        ]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var update = new JsonObject
        {
            ["update_id"] = 777,
            ["message"] = new JsonObject
            {
                ["message_id"] = 5, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = "/daftar",
                ["from"] = new JsonObject { ["id"] = 31, ["is_bot"] = false, ["first_name"] = "Maria" },
                ["chat"] = new JsonObject { ["id"] = 31, ["type"] = "private", ["first_name"] = "Maria" },
            },
        }.ToJsonString();

        Task<HttpResponseMessage> Post(string? secret)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(update, Encoding.UTF8, "application/json") };
            if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            return http.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post("tebakan")).StatusCode);
        await using (var db = bot.Db()) Assert.Empty(db.Conversations);

        Assert.Equal(HttpStatusCode.OK, (await Post("rahasia-dinsos")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post("rahasia-dinsos")).StatusCode); // Telegram retrying the same update
        // The next message of the chat is answered after anything the retry caused (one chat, in order): when its
        // answer is there, a second "nama lengkap" would be too.
        Assert.Equal(HttpStatusCode.OK, (await PostUpdate(http, 778, 31, 6, "Maria Ulfa")).StatusCode);
        var seen = await UntilAsync(bot, 31, "Apa peran Anda");
        Assert.Single(seen, m => m.Text.Contains("nama lengkap")); // asked once, not twice
        await using (var db = bot.Db())
        {
            Assert.Single(db.Conversations);
            Assert.Single(db.ProcessedMessages, p => p.MessageId == "tg:31:5");
        }
        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
        Assert.Contains("connected as @", await http.GetStringAsync("/readyz")); // the emulator answered getMe
    }

    [Fact]
    public async Task Update_ids_that_restart_at_one_are_still_answered()
    {
        var port = Loopback.FreePort();
        await using var bot = await TelegramBotUnderTest.StartAsync(emulator, extraArgs:
        [
            "--CaseBot:Telegram:Mode=Webhook", $"--CaseBot:Telegram:WebhookUrl=http://127.0.0.1:{port}/telegram/webhook",
            "--CaseBot:Telegram:WebhookSecret=rahasia-dinsos", $"--CaseBot:Http:Urls=http://127.0.0.1:{port}",
        ]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await PostUpdate(http, 1, 41, 10, "/daftar");
        await bot.ExpectAsync(41, "nama lengkap");
        await PostUpdate(http, 2, 41, 11, "Yohana Bulu");
        await bot.ExpectAsync(41, "Apa peran Anda");
        // A week without updates (or a new token): Telegram numbers updates from 1 again; the messages are new.
        await PostUpdate(http, 1, 41, 12, "Tksk");
        await bot.ExpectAsync(41, "kabupaten mana Anda");
        // The same message delivered again under yet another update id is still recognised.
        await PostUpdate(http, 9, 41, 12, "Tksk");
        await PostUpdate(http, 3, 41, 13, "Luwu Timur");
        var seen = await UntilAsync(bot, 41, "kecamatan mana Anda");
        Assert.DoesNotContain(seen, m => m.Text.Contains("kabupaten mana Anda"));
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_not_retried_and_admins_see_it()
    {
        await using var bot = await TelegramBotUnderTest.StartAsync(emulator);
        bot.Bridge.Blocked["61"] = 0;
        await bot.Say(61, "/start");
        await using (var db = bot.Db()) // the reply's row is settled: refused for good
            for (var i = 0; i < 200 && !db.Outbox.Any(o => o.ChatId == "61" && o.State == OutboxState.Failed); i++) await Task.Delay(50);
        await bot.Say(TelegramBotUnderTest.AdminId, "/gagalkirim");
        var shown = await bot.ExpectAsync(TelegramBotUnderTest.AdminId, "tidak bisa dikirim");
        Assert.Contains("telegram:61", shown.Text);
        Assert.Contains("memblokir bot", shown.Text);
        Assert.Equal(1, bot.Bridge.Blocked["61"]); // a permanent refusal: tried once, not again and again
    }

    private static Task<HttpResponseMessage> PostUpdate(HttpClient http, int updateId, long chat, int messageId, string text)
    {
        var update = new JsonObject
        {
            ["update_id"] = updateId,
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = text,
                ["from"] = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "Maria" },
                ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "Maria" },
            },
        }.ToJsonString();
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "rahasia-dinsos");
        return http.SendAsync(request);
    }

    /// <summary>Every message the chat gets, up to and including the first containing <paramref name="text"/>.</summary>
    private async Task<List<BotMessage>> UntilAsync(TelegramBotUnderTest bot, long chat, string text)
    {
        var seen = new List<BotMessage>();
        for (var i = 0; i < 300; i++)
        {
            seen.AddRange(await emulator.UnreadAsync(bot.Token, chat));
            if (seen.Any(m => m.Text.Contains(text))) return seen;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No \"{text}\" in chat {chat}: {string.Join(" | ", seen.Select(m => m.Text))}");
    }

    private async Task<BotMessage> WaitForEditAsync(TelegramBotUnderTest bot, long chatId, int messageId, Func<BotMessage, bool> edited)
    {
        for (var i = 0; i < 200; i++)
        {
            var current = await emulator.CurrentAsync(bot.Token, chatId, messageId);
            if (edited(current)) return current;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Message {messageId} was not edited.");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }

}
