using CaseBot.Engine.Messages;
using CaseBot.Tests.Support;

namespace CaseBot.Tests.Engine;

/// <summary>A notice for a person with two linked chat accounts reaches them once, on the account they last wrote from.</summary>
public sealed class PersonNoticeTests
{
    private const string Tagana = "10", Officer = "30", WhatsAppNumber = "+6281200000010";

    private static Task<IReadOnlyList<OutgoingMessage>> FromWhatsAppAsync(BotHarness bot, string text) =>
        bot.Engine.HandleAsync(new IncomingMessage
        {
            Channel = "whatsapp", UserId = WhatsAppNumber, ChatId = WhatsAppNumber, Text = text, MessageId = Guid.NewGuid().ToString("N"),
        });

    [Fact]
    public async Task A_person_with_telegram_and_whatsapp_gets_a_notice_once_where_they_last_wrote()
    {
        await using var bot = await Scenario.StartWithReporterAsync(Tagana);
        await Scenario.RegisterApprovedAsync(bot, Officer, "Pak Kasi Malili", role: "Petugas Dinas", kecamatan: "Malili");
        int taganaId;
        await using (var db = bot.Db()) taganaId = db.Reporters.Single(r => r.Name == "Rahmat Tagana").Id;
        Assert.Contains("tertaut", await bot.Say(BotHarness.AdminId, $"/tautkan {taganaId} whatsapp:{WhatsAppNumber}"));

        await Scenario.ReportFloodAsync(bot, Tagana);
        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Contains("BC-2024-0001", (await FromWhatsAppAsync(bot, "/laporanku")).Single().Text); // now writing from WhatsApp
        var verified = await bot.SendAsync(Officer, BotHarness.Data(await bot.SendAsync(Officer, "/verifikasi"), "✅ Verifikasi"));
        var notice = Assert.Single(verified, m => m.Text.Contains("sudah diverifikasi"));
        Assert.Equal(("whatsapp", WhatsAppNumber), (notice.Channel, notice.ChatId));

        // Back on the first account: the next notice follows them there.
        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        await bot.Say(Tagana, "/laporanku");
        await Scenario.ReportFloodAsync(bot, Tagana, desa: "Baruga");
        var second = await bot.SendAsync(Officer, BotHarness.Data(await bot.SendAsync(Officer, "/verifikasi"), "✅ Verifikasi"));
        notice = Assert.Single(second, m => m.Text.Contains("sudah diverifikasi"));
        Assert.Equal((BotHarness.Channel, Tagana), (notice.Channel, notice.ChatId));
    }
}
