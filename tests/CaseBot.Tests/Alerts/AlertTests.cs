using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Alerts;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Alerts;

/// <summary>
/// /siaga end to end on a fake clock: an officer alerts the volunteers of Kab. Luwu Timur on Telegram and WhatsApp,
/// each channel gets its share within its configured rate, answers are tallied, and the sender gets one final report.
/// </summary>
public class AlertTests
{
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    private const string Officer = "30"; // Petugas Dinas for the whole of Luwu Timur
    private const string KecamatanOfficer = "31"; // Petugas Dinas, Wotu only
    private const string Tagana = "10"; // in Mamuju

    private sealed class Channels
    {
        public ClockedSender Telegram { get; } = new("telegram");
        public ClockedSender WhatsApp { get; } = new("whatsapp");

        public void Register(IServiceCollection services)
        {
            foreach (var sender in new[] { Telegram, WhatsApp })
                services.AddSingleton<IChannelSender>(sp =>
                {
                    sender.Clock = sp.GetRequiredService<TimeProvider>();
                    return sender;
                });
        }
    }

    private async Task<(BotHarness Bot, Channels Channels)> StartAsync(TestDatabase? database = null)
    {
        var channels = new Channels();
        var bot = await BotHarness.StartAsync(database ?? TestDatabase.Create(Storage), channels.Register);
        await Scenario.RegisterAdminAsync(bot);
        await Scenario.RegisterApprovedAsync(bot, Officer, "Pak Kasi Lutim", role: "Petugas Dinas", kecamatan: "Seluruh kabupaten");
        await Scenario.RegisterApprovedAsync(bot, KecamatanOfficer, "Bu Kasi Wotu", role: "Petugas Dinas", kecamatan: "Wotu");
        await Scenario.RegisterApprovedAsync(bot, Tagana, "Rahmat Tagana", kabupaten: "Mamuju", kecamatan: "Kalukku"); // outside Luwu Timur
        return (bot, channels);
    }

    /// <summary>Approved volunteers on Telegram (Tagana) and WhatsApp (TKSK) across Luwu Timur's kecamatan, plus some
    /// who must not be reached: in Mamuju, or not approved.</summary>
    private static void SeedVolunteers(BotHarness bot, int onTelegram, int onWhatsApp)
    {
        string[] kecamatan = ["Malili", "Wotu", "Towuti", "Nuha", "Burau"];
        using var db = bot.Db();
        for (var i = 0; i < onTelegram + onWhatsApp + 8; i++)
        {
            var telegram = i < onTelegram;
            var outside = i >= onTelegram + onWhatsApp;
            var id = telegram ? $"{7000 + i}" : $"6281300{i:00000}";
            db.Reporters.Add(new Reporter
            {
                Name = $"Relawan {i:000}", Role = telegram ? ReporterRole.Tagana : ReporterRole.Tksk,
                Kabupaten = outside && i % 2 == 0 ? "Mamuju" : "Luwu Timur", Kecamatan = outside && i % 2 == 0 ? "Kalukku" : kecamatan[i % kecamatan.Length],
                Status = outside && i % 2 == 1 ? ReporterStatus.Pending : ReporterStatus.Approved, RegisteredAt = BotHarness.DefaultNow,
                Identities = [new ChannelIdentity { Channel = telegram ? "telegram" : "whatsapp", ExternalUserId = id, ChatId = id }],
            });
        }
        db.SaveChanges();
    }

    /// <summary>The newest message stored for <paramref name="chatId"/> (sent unasked, so read from the outbox).</summary>
    private static string LastTo(BotHarness bot, string chatId)
    {
        using var db = bot.Db();
        return db.Outbox.Where(m => m.ChatId == chatId).OrderByDescending(m => m.Id).First().Text;
    }

    private static Task<IReadOnlyList<OutgoingMessage>> PressAs(BotHarness bot, string channel, string userId, string data) =>
        bot.Engine.HandleAsync(new IncomingMessage { Channel = channel, UserId = userId, ChatId = userId, ButtonData = data, MessageId = Guid.NewGuid().ToString() });

    /// <summary>The officer's /siaga to the whole kabupaten, both roles; returns the summary shown before Kirim.</summary>
    private static async Task<string> ComposeAsync(BotHarness bot, string area = "k:Luwu Timur")
    {
        Assert.Contains("wilayah mana", await bot.Say(Officer, "/siaga"));
        Assert.Contains("Siapa yang dikirimi", await bot.Press(Officer, area));
        Assert.Contains("Ketik pesan siaganya", await bot.Press(Officer, nameof(AlertAudience.Keduanya)));
        return await bot.Say(Officer, "Banjir di Malili. Relawan yang bisa, kumpul di posko Kantor Camat Malili pukul 14.00 WITA.");
    }

    /// <summary>Runs both dispatchers, a quarter second of the clock apart, until nothing is left to send.</summary>
    private static async Task DispatchAllAsync(BotHarness bot, Channels channels, int expected, int maxRounds = 200)
    {
        var dispatchers = bot.Services.GetRequiredService<OutboxDispatchers>();
        for (var round = 0; channels.Telegram.Sent.Count + channels.WhatsApp.Sent.Count < expected; round++)
        {
            Assert.True(round < maxRounds, "the alert did not go out");
            await dispatchers.SendDueAsync("telegram");
            await dispatchers.SendDueAsync("whatsapp");
            bot.Clock.Advance(TimeSpan.FromMilliseconds(250));
        }
    }

    [Fact]
    public async Task An_alert_to_200_volunteers_goes_out_within_each_channels_rate_and_the_answers_are_tallied()
    {
        var (bot, channels) = await StartAsync();
        await using var _ = bot;
        SeedVolunteers(bot, onTelegram: 120, onWhatsApp: 80);
        var rates = bot.Services.GetRequiredService<CaseBotOptions>().Outbox.BroadcastPerSecond;
        Assert.Equal((20, 50), (rates["telegram"], rates["whatsapp"])); // the shipped config/casebot.json

        var summary = await ComposeAsync(bot);
        Assert.Contains("Akan dikirim ke 200 orang (Telegram 120, WhatsApp 80)", summary);
        var sent = await bot.SendAsync(Officer, "kirim");
        Assert.Contains("Siaga SG-2024-0001 sedang dikirim ke 200 orang", sent.Single(m => m.ChatId == Officer).Text);

        await DispatchAllAsync(bot, channels, expected: 200);
        Assert.Equal(120, channels.Telegram.Sent.Count);
        Assert.Equal(80, channels.WhatsApp.Sent.Count);
        Assert.Equal(20, channels.Telegram.MostInOneSecond()); // at its rate, and never above it
        Assert.Equal(50, channels.WhatsApp.MostInOneSecond());
        var all = channels.Telegram.Sent.Concat(channels.WhatsApp.Sent).Select(s => s.Message).ToList();
        Assert.Equal(200, all.Select(m => m.ChatId).Distinct().Count()); // each once
        await using (var db = bot.Db())
        {
            var reached = all.Select(m => m.ReporterId).ToHashSet();
            Assert.DoesNotContain(db.Reporters.Where(r => r.Kabupaten == "Mamuju" || r.Status == ReporterStatus.Pending).Select(r => (int?)r.Id).ToList(), reached.Contains);
        }
        var alert = all[0];
        Assert.Contains("SIAGA SG-2024-0001 · Kab. Luwu Timur\nDari: Pak Kasi Lutim", alert.Text);
        Assert.Equal(["✅ Siap", "❌ Tidak bisa"], alert.Choices.Select(c => c.Label));

        // The sender hears the tally unasked as answers come in, at most every TallyEveryMinutes (10).
        var reports = bot.Services.GetRequiredService<AlertFollowUps>();
        Assert.Equal(0, await reports.SendDueAsync()); // nobody answered yet
        foreach (var m in all.Take(10)) await PressAs(bot, m.Channel, m.ChatId, m.Choices[0].Data);
        Assert.Equal(1, await reports.SendDueAsync());
        Assert.Equal(0, await reports.SendDueAsync());
        Assert.Contains("✅ Siap 10 · ❌ Tidak bisa 0 · 💬 Belum menjawab 190", LastTo(bot, Officer));

        // 150 ready, 30 cannot, one changes their mind; 20 do not answer.
        foreach (var (m, i) in all.Select((m, i) => (m, i)).Skip(10).Take(170))
            await PressAs(bot, m.Channel, m.ChatId, m.Choices[i < 150 ? 0 : 1].Data);
        var changed = await PressAs(bot, all[0].Channel, all[0].ChatId, all[0].Choices[1].Data);
        Assert.Contains("TIDAK BISA", changed.Single().Text);
        await PressAs(bot, all[0].Channel, all[0].ChatId, all[0].Choices[0].Data);
        var stranger = await bot.Press(Tagana, all[0].Choices[0].Data);
        Assert.Contains("tidak dikirim kepada Anda", stranger);
        Assert.Equal(0, await reports.SendDueAsync()); // the last tally is not ten minutes old
        bot.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await reports.SendDueAsync());
        Assert.Contains("✅ Siap 150 · ❌ Tidak bisa 30 · 💬 Belum menjawab 20", LastTo(bot, Officer));

        var tally = await bot.Say(Officer, "/hasilsiaga");
        Assert.Contains("📨 Terkirim 200 · ⏳ Menunggu 0 · ⚠️ Gagal 0", tally);
        Assert.Contains("✅ Siap 150 · ❌ Tidak bisa 30 · 💬 Belum menjawab 20", tally);
        // Perbarui refreshes the tally in place: the reply replaces the message whose button was pressed.
        var refreshed = await bot.Engine.HandleAsync(new IncomingMessage
        {
            Channel = BotHarness.Channel, UserId = Officer, ChatId = Officer, ButtonData = AlertResultsCommand.For(1), PressedMessageId = "77", MessageId = "refresh",
        });
        Assert.Equal("77", refreshed.Single().ReplacesMessageId);
        Assert.Contains("Perintah itu khusus petugas dinas", await bot.Say(Tagana, "/hasilsiaga 1"));
        Assert.Contains("bukan kiriman Anda", await bot.Say(KecamatanOfficer, "/hasilsiaga 1"));

        // The final report waits for the answers, or for the configured time (120 minutes); it goes once.
        bot.Clock.Advance(TimeSpan.FromMinutes(100));
        Assert.Equal(0, await reports.SendDueAsync());
        bot.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await reports.SendDueAsync());
        Assert.Equal(0, await reports.SendDueAsync());
        await using (var db = bot.Db())
        {
            var final = Assert.Single(db.Outbox.Where(m => m.Text.StartsWith("📋 Laporan pengiriman siaga SG-2024-0001")).ToList());
            Assert.Contains("💬 Belum menjawab: Relawan", final.Text);
            Assert.Equal(Officer, final.ChatId);
            Assert.Equal(1, db.Audit.Count(a => a.Subject == "SG-2024-0001" && a.Field == "kirim"));
            Assert.Equal(182, db.Audit.Count(a => a.Subject == "SG-2024-0001" && a.Field == "jawaban"));
        }
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_sending_sends_the_rest_and_nobody_twice()
    {
        var (bot, channels) = await StartAsync();
        SeedVolunteers(bot, onTelegram: 70, onWhatsApp: 0);
        await ComposeAsync(bot);
        await bot.SendAsync(Officer, "kirim");
        var dispatchers = bot.Services.GetRequiredService<OutboxDispatchers>();
        Assert.Equal(20, await dispatchers.SendDueAsync("telegram")); // one second's share, then the process stops
        var restarted = await bot.RestartAsync();
        await using var _ = restarted;

        await DispatchAllAsync(restarted, channels, expected: 70);
        var chats = channels.Telegram.Sent.Select(s => s.Message.ChatId).ToList();
        Assert.Equal(70, chats.Count);
        Assert.Equal(70, chats.Distinct().Count());

        // Answered in words, not with the button: the newest alert sent to that person takes it.
        var typed = await restarted.Engine.HandleAsync(new IncomingMessage { Channel = "telegram", UserId = chats[0], ChatId = chats[0], Text = "Siap", MessageId = "t1" });
        Assert.Contains("SIAP", typed.Single().Text);
        await restarted.Engine.HandleAsync(new IncomingMessage { Channel = "telegram", UserId = chats[1], ChatId = chats[1], Text = "ga bisa", MessageId = "t2" });
        Assert.Contains("Sama-sama", await restarted.Say(Tagana, "siap")); // no alert was sent to him: "siap" is just "OK"
        await using var db = restarted.Db();
        var answers = db.AlertRecipients.Where(r => r.Answer != null).Select(r => r.Answer).ToList();
        Assert.Equal([AlertAnswer.Siap, AlertAnswer.TidakBisa], answers.Order());
    }

    [Fact]
    public async Task The_final_report_names_who_could_not_be_reached_and_goes_at_the_deadline_whatever_still_waits()
    {
        var (bot, channels) = await StartAsync();
        await using var _ = bot;
        SeedVolunteers(bot, onTelegram: 3, onWhatsApp: 2);
        channels.Telegram.Refused.Add("7002");
        await ComposeAsync(bot);
        await bot.SendAsync(Officer, "kirim");
        var dispatchers = bot.Services.GetRequiredService<OutboxDispatchers>();
        await dispatchers.SendDueAsync("telegram"); // WhatsApp's dispatcher does not run: its two wait
        var sent = channels.Telegram.Sent.Select(s => s.Message).ToList();
        Assert.Equal(2, sent.Count);
        foreach (var m in sent) await PressAs(bot, m.Channel, m.ChatId, m.Choices[0].Data);

        var reports = bot.Services.GetRequiredService<AlertFollowUps>();
        Assert.Equal(1, await reports.SendDueAsync()); // the tally of the two answers
        bot.Clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(0, await reports.SendDueAsync());
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await reports.SendDueAsync());
        var final = LastTo(bot, Officer);
        Assert.Contains("📋 Laporan pengiriman siaga SG-2024-0001", final);
        Assert.Contains("📨 Terkirim 2 · ⏳ Menunggu 2 · ⚠️ Gagal 1", final);
        Assert.Contains("• Relawan 002 (Telegram): Pengguna memblokir bot (uji).", final);

        // A week on, the sent rows are pruned from the outbox: the tally reads what the final report recorded.
        await using (var db = bot.Db())
            Assert.Equal(5, await db.Outbox.Where(m => m.Tag == "siaga:1").ExecuteDeleteAsync());
        var later = await bot.Say(Officer, "/hasilsiaga 1");
        Assert.Contains("📨 Terkirim 2 · ⏳ Menunggu 2 · ⚠️ Gagal 1", later);
        Assert.Contains("• Relawan 002 (Telegram): Pengguna memblokir bot (uji).", later);
    }

    [Fact]
    public async Task Only_officers_send_alerts_and_only_within_their_own_area()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        Assert.Contains("bukan untuk peran Tagana", await bot.Say(Tagana, "/siaga"));

        var areas = (await bot.SendAsync(KecamatanOfficer, "/siaga")).Single().Choices.Select(c => c.Data).ToList();
        Assert.Equal(["c:Luwu Timur/Wotu"], areas);
        await bot.Say(Officer, "/siaga");
        Assert.Contains("Siapa yang dikirimi", await bot.Say(Officer, "towtui")); // a slip in a kecamatan's name
        await bot.Say(Officer, "/batal");
        var refused = await bot.Say(KecamatanOfficer, "Mamuju");
        Assert.Contains("wilayah mana", refused);
        Assert.DoesNotContain("Siapa yang dikirimi", refused);

        // A kecamatan with nobody registered: said at Kirim, and the alert is not stored.
        await bot.Press(KecamatanOfficer, "c:Luwu Timur/Wotu");
        await bot.Press(KecamatanOfficer, nameof(AlertAudience.Tksk));
        Assert.Contains("Belum ada penerima", await bot.Say(KecamatanOfficer, "Air naik di Wotu, mohon bersiap."));
        Assert.Contains("Pilih Kirim, Ubah, atau Batal", await bot.Say(KecamatanOfficer, "apa ini"));
        Assert.Contains("Belum ada Tagana/TKSK terdaftar di wilayah itu", await bot.Say(KecamatanOfficer, "kirim"));
        await using var db = bot.Db();
        Assert.Empty(db.Alerts);
    }
}

/// <summary>The same alerts on PostgreSQL (the multi-instance database).</summary>
public sealed class AlertTestsOnPostgres : AlertTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}
