using System.Net;
using System.Text.Json.Nodes;
using CaseBot.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.WhatsApp;

/// <summary>Real-shaped Cloud API webhooks posted over HTTP to the running bot; what it sends is caught by a fake Graph API.</summary>
public sealed class WhatsAppTests
{
    private const string User = "6281234567890";

    private static string TextOf(JsonNode m) =>
        (string?)m["text"]?["body"] ?? (string?)m["interactive"]?["body"]?["text"] ?? (string?)m["template"]?["name"] ?? "";

    private static IReadOnlyList<string> IdsOf(JsonNode m) =>
        m["interactive"]?["action"]?["buttons"]?.AsArray().Select(b => (string)b!["reply"]!["id"]!).ToList()
        ?? m["interactive"]?["action"]?["sections"]?[0]?["rows"]?.AsArray().Select(r => (string)r!["id"]!).ToList()
        ?? [];

    private static JsonNode Last(WhatsAppBotUnderTest bot, string waId) => bot.Graph.SentTo(waId)[^1];

    private static async Task<JsonNode> Say(WhatsAppBotUnderTest bot, string waId, string text, string expect)
    {
        Assert.Equal(HttpStatusCode.OK, (await bot.TextAsync(waId, text)).StatusCode);
        var last = Last(bot, waId);
        Assert.Contains(expect, TextOf(last));
        return last;
    }

    private static async Task<JsonNode> Pick(WhatsAppBotUnderTest bot, string waId, string id, string expect)
    {
        var question = Last(bot, waId);
        Assert.Contains(id, IdsOf(question));
        var fromList = (string?)question["interactive"]?["type"] == "list";
        Assert.Equal(HttpStatusCode.OK, (await bot.ReplyAsync(waId, id, fromList)).StatusCode);
        var last = Last(bot, waId);
        Assert.Contains(expect, TextOf(last));
        return last;
    }

    private static async Task RegisterAndApproveAsync(WhatsAppBotUnderTest bot)
    {
        await Say(bot, WhatsAppBotUnderTest.AdminWaId, "/start", "Selamat datang"); // opens the admin's 24-hour window
        await Say(bot, User, "/daftar", "nama lengkap");
        await Say(bot, User, "Siti Rahma", "peran");
        await Pick(bot, User, "Tksk", "kabupaten");
        await Pick(bot, User, "Luwu Timur", "kecamatan");
        await Pick(bot, User, "Malili", "Periksa pendaftaran");
        await Pick(bot, User, "#ok", "Pendaftaran terkirim");
        var notice = Last(bot, WhatsAppBotUnderTest.AdminWaId);
        Assert.Contains("Pendaftaran baru", TextOf(notice));
        await Pick(bot, WhatsAppBotUnderTest.AdminWaId, "/setujui 1", "disetujui");
        Assert.Contains("Pendaftaran Anda disetujui", TextOf(Last(bot, User)));
    }

    [Fact]
    public async Task A_whole_ppks_report_over_whatsapp_lands_in_the_database()
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync();
        await RegisterAndApproveAsync(bot);

        var types = await Say(bot, User, "/ppks", "Jenis PPKS");
        Assert.Equal("list", (string?)types["interactive"]!["type"]);
        var rows = types["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray();
        Assert.Equal(10, rows.Count); // 9 types and "Berikutnya"
        Assert.All(rows, r => Assert.True(((string)r!["title"]!).Length <= 24));
        Assert.Contains(rows, r => (string?)r!["description"] == "Anak korban tindak kekerasan / diperlakukan salah");

        await Pick(bot, User, "lansia-terlantar", "Nama lengkap");
        var nik = await Say(bot, User, "Hasnah binti Lato", "NIK");
        Assert.Equal("button", (string?)nik["interactive"]!["type"]);
        await Pick(bot, User, CaseBot.Engine.Flows.FlowButtons.Skip, "kecamatan");
        await Pick(bot, User, "Malili", "desa");
        await Say(bot, User, "Lampia", "Jenis kelamin");
        await Pick(bot, User, "Perempuan", "Umur");
        await Say(bot, User, "72", "Ceritakan");
        await Say(bot, User, "Tinggal sendiri, rumah rusak", "Layanan");
        await Pick(bot, User, "permakanan", "Status");
        await Pick(bot, User, "Ditangani", "Periksa laporan PPKS");
        await Pick(bot, User, "#ok", "Kasus PPKS tersimpan dengan nomor PK-");

        await using var db = bot.Db();
        var c = await db.Cases.SingleAsync();
        Assert.Equal(("lansia-terlantar", "Hasnah binti Lato", 72, CaseStatus.Ditangani), (c.TypeCode, c.Name, c.Age, c.Status));
        var reporter = await db.Reporters.Include(r => r.Identities).SingleAsync(r => r.Id == c.ReporterId);
        Assert.Equal(("whatsapp", "+6281234567890"), (reporter.Identities[0].Channel, reporter.Identities[0].ExternalUserId));
        Assert.All(bot.Graph.Calls, call => Assert.Equal($"Bearer {WhatsAppBotUnderTest.AccessToken}", call.Authorization));
        Assert.All(bot.Graph.Calls.Where(x => (string?)x.Body?["interactive"]?["type"] == "button"), x =>
        {
            var buttons = x.Body!["interactive"]!["action"]!["buttons"]!.AsArray();
            Assert.InRange(buttons.Count, 1, 3);
            Assert.All(buttons, b => Assert.True(((string)b!["reply"]!["title"]!).Length <= 20));
        });
    }

    [Fact]
    public async Task Signatures_are_checked_and_the_verification_handshake_answers_only_the_right_token()
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync();
        var payload = bot.Payload(User, "wamid.sig", new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "/daftar" } });
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAsync(payload, signatureSecret: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAsync(payload, signatureSecret: "salah")).StatusCode);
        Assert.Empty(bot.Graph.Calls);
        await using (var db = bot.Db()) Assert.Empty(db.Conversations);

        var ok = await bot.Http.GetAsync($"/whatsapp/webhook?hub.mode=subscribe&hub.verify_token={WhatsAppBotUnderTest.VerifyToken}&hub.challenge=1158201444");
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        var wrong = await bot.Http.GetAsync("/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=tebak&hub.challenge=1");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Fact]
    public async Task A_redelivered_message_and_delivery_statuses_change_nothing()
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync();
        await bot.TextAsync(User, "/daftar", "wamid.same");
        await bot.TextAsync(User, "/daftar", "wamid.same");
        Assert.Single(bot.Graph.SentTo(User));

        var statuses = WhatsAppBotUnderTest.Envelope(new JsonObject
        {
            ["statuses"] = new JsonArray(new JsonObject
            {
                ["id"] = "wamid.out1", ["status"] = "delivered", ["timestamp"] = "1710000000", ["recipient_id"] = User,
            }),
        });
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(statuses)).StatusCode);
        Assert.Single(bot.Graph.SentTo(User));
    }

    [Fact]
    public async Task A_429_from_the_graph_api_is_retried()
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync();
        bot.Graph.TooManyRequestsToSend = 2;
        Assert.Equal(HttpStatusCode.OK, (await bot.TextAsync(User, "/start")).StatusCode);
        Assert.Contains("Selamat datang", TextOf(Assert.Single(bot.Graph.SentTo(User))));
    }

    [Fact]
    public async Task A_confirmation_the_graph_api_refused_goes_out_when_meta_delivers_the_message_again()
    {
        // No poll of the outbox meanwhile: only the redelivery can make the waiting confirmation go out at once.
        await using var bot = await WhatsAppBotUnderTest.StartAsync("--CaseBot:Outbox:PollMilliseconds=600000");
        await Say(bot, User, "/daftar", "nama lengkap");
        await Say(bot, User, "Siti Rahma", "peran");
        await Pick(bot, User, "Tksk", "kabupaten");
        await Pick(bot, User, "Luwu Timur", "kecamatan");
        await Pick(bot, User, "Malili", "Periksa pendaftaran");
        var save = bot.Payload(User, "wamid.simpan", new JsonObject
        {
            ["type"] = "interactive",
            ["interactive"] = new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = "#ok", ["title"] = "Simpan" } },
        });
        bot.Graph.TooManyRequestsToSend = 5; // more than the client's own retries: the send fails after the save
        await bot.PostAsync(save);
        Assert.DoesNotContain(bot.Graph.SentTo(User), m => TextOf(m).Contains("Pendaftaran terkirim"));
        await using (var db = bot.Db()) Assert.Single(db.Reporters, r => r.Name == "Siti Rahma");

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(save)).StatusCode); // Meta delivers the message again
        Assert.Single(bot.Graph.SentTo(User), m => TextOf(m).Contains("Pendaftaran terkirim"));
        await using (var db = bot.Db()) Assert.Single(db.Reporters, r => r.Name == "Siti Rahma"); // saved once
    }

    [Fact]
    public async Task Outside_the_24_hour_window_a_notice_goes_as_the_template()
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync("--CaseBot:WhatsApp:NoticeTemplate=pemberitahuan_casebot");
        await bot.TextAsync(WhatsAppBotUnderTest.AdminWaId, "/start");
        foreach (var line in new[] { "/daftar", "Siti Rahma" }) await bot.TextAsync(User, line);
        await bot.ReplyAsync(User, "Tksk", fromList: true);
        await bot.ReplyAsync(User, "Luwu Timur", fromList: true);
        await bot.ReplyAsync(User, "Malili", fromList: true);
        await bot.ReplyAsync(User, "#ok", fromList: false);

        bot.Clock.Advance(TimeSpan.FromHours(25)); // the reporter has been silent for a day
        await bot.TextAsync(WhatsAppBotUnderTest.AdminWaId, "/setujui 1");
        var notice = Last(bot, User);
        Assert.Equal("template", (string?)notice["type"]);
        Assert.Equal("pemberitahuan_casebot", (string?)notice["template"]!["name"]);
        Assert.Contains("disetujui", (string?)notice["template"]!["components"]![0]!["parameters"]![0]!["text"]);
    }

    [Fact]
    public async Task Outside_the_24_hour_window_an_alert_goes_as_the_alert_template_whose_quick_replies_answer_it()
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync("--CaseBot:WhatsApp:AlertTemplate=siaga_casebot",
            "--CaseBot:WhatsApp:NoticeTemplate=pemberitahuan_casebot");
        const string Admin = WhatsAppBotUnderTest.AdminWaId;
        await Say(bot, Admin, "/daftar", "nama lengkap");
        await Say(bot, Admin, "Andi Admin", "peran");
        await Pick(bot, Admin, "Petugas", "kabupaten");
        await Pick(bot, Admin, "Luwu Timur", "kecamatan");
        await Pick(bot, Admin, "*", "Periksa pendaftaran");
        await Pick(bot, Admin, "#ok", "hak admin");
        await Say(bot, User, "/daftar", "nama lengkap");
        await Say(bot, User, "Siti Rahma", "peran");
        await Pick(bot, User, "Tagana", "kabupaten");
        await Pick(bot, User, "Luwu Timur", "kecamatan");
        await Pick(bot, User, "Malili", "Periksa pendaftaran");
        await Pick(bot, User, "#ok", "Pendaftaran terkirim");
        await Say(bot, Admin, "/setujui 2", "disetujui");

        bot.Clock.Advance(TimeSpan.FromHours(25)); // the volunteer has been silent for a day
        await Say(bot, Admin, "/siaga", "wilayah mana");
        await Say(bot, Admin, "Malili", "Siapa yang dikirimi");
        await Pick(bot, Admin, "Tagana", "Ketik pesan siaganya");
        await Say(bot, Admin, "Banjir di Malili, kumpul di posko pukul 14.00 WITA.", "Akan dikirim ke 1 orang (WhatsApp 1)");
        await Pick(bot, Admin, "#ok", "sedang dikirim");

        var alert = Last(bot, User);
        Assert.Equal("siaga_casebot", (string?)alert["template"]!["name"]);
        var components = alert["template"]!["components"]!.AsArray();
        Assert.Contains("Banjir di Malili", (string?)components[0]!["parameters"]![0]!["text"]);
        Assert.Equal(["/jawabsiaga 1 siap", "/jawabsiaga 1 tidak"],
            components.Skip(1).Select(c => (string?)c!["parameters"]![0]!["payload"]).ToList());

        // The volunteer taps "Siap" on the template: its payload is the answer.
        await bot.PostAsync(bot.Payload(User, null, new JsonObject
        {
            ["type"] = "button", ["button"] = new JsonObject { ["text"] = "Siap", ["payload"] = "/jawabsiaga 1 siap" },
        }));
        Assert.Contains("SIAP", TextOf(Last(bot, User)));
        await using var db = bot.Db();
        Assert.Equal(Domain.Entities.AlertAnswer.Siap, db.AlertRecipients.Single().Answer);
    }

    [Fact]
    public async Task Without_a_template_nothing_is_sent_outside_the_window()
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync();
        await Say(bot, User, "/daftar", "nama lengkap");
        await Say(bot, User, "Siti Rahma", "peran");
        await Pick(bot, User, "Tksk", "kabupaten");
        await Pick(bot, User, "Luwu Timur", "kecamatan");
        await Pick(bot, User, "Malili", "Periksa pendaftaran");
        await Pick(bot, User, "#ok", "Pendaftaran terkirim");
        var before = bot.Graph.SentTo(User).Count;
        bot.Clock.Advance(TimeSpan.FromHours(24.5)); // the reporter has been silent for a day

        // The approval's notice to the reporter is the one message due outside the window: the dispatcher takes it and
        // records it as undeliverable (the observable end of its handling), and the admin can see why.
        await Say(bot, WhatsAppBotUnderTest.AdminWaId, "/setujui 1", "disetujui");
        await using (var db = bot.Db())
        {
            var notice = await db.Outbox.SingleAsync(o => o.ChatId == "+" + User && o.Text.Contains("disetujui"));
            Assert.Equal(OutboxState.Failed, notice.State);
            Assert.Contains("jendela 24 jam", notice.Error);
        }
        Assert.Equal(before, bot.Graph.SentTo(User).Count);
        var shown = await Say(bot, WhatsAppBotUnderTest.AdminWaId, "/gagalkirim", "tidak bisa dikirim");
        Assert.Contains("Di luar jendela 24 jam WhatsApp", TextOf(shown));
        Assert.Contains("pendaftar #1", TextOf(shown));
    }

    [Fact]
    public async Task An_admin_links_the_same_person_on_telegram()
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync();
        await RegisterAndApproveAsync(bot);
        await Say(bot, WhatsAppBotUnderTest.AdminWaId, "/tautkan 1 telegram:55501", "sekarang tertaut ke Siti Rahma");
        await Say(bot, WhatsAppBotUnderTest.AdminWaId, "/tautkan 1 telegram:55501", "sudah tertaut");
        await using var db = bot.Db();
        var identities = await db.Identities.Where(i => i.ReporterId == 1).Select(i => i.Channel + ":" + i.ExternalUserId).ToListAsync();
        Assert.Equal(["telegram:55501", "whatsapp:+6281234567890"], identities.Order());
    }
}
