using CaseBot.Engine.Messages;
using CaseBot.Tests.Support;

namespace CaseBot.Tests.Reliability;

/// <summary>The per-user flood limit (CaseBot:FloodMessages per FloodWindowSeconds, 20 per 10 s by default).</summary>
public sealed class FloodLimitTests
{
    [Fact]
    public async Task The_message_over_the_limit_gets_one_polite_notice_the_rest_are_dropped_and_the_flow_is_kept()
    {
        await using var bot = await BotHarness.StartAsync(extraArgs: ["--CaseBot:FloodMessages=20", "--CaseBot:FloodWindowSeconds=10"]);
        await Scenario.RegisterAdminAsync(bot);
        await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
        bot.Clock.Advance(TimeSpan.FromSeconds(11));

        Assert.Contains("Jenis bencana", await bot.Say("10", "/bencana"));
        for (var i = 2; i <= 20; i++)
        {
            bot.Clock.Advance(TimeSpan.FromMilliseconds(400));
            Assert.Contains("Jenis bencana", await bot.Say("10", "gempa di bulan")); // refused answer, question again
        }
        var notice = await bot.SendAsync("10", "lagi");
        Assert.Contains("terlalu banyak", Assert.Single(notice).Text);
        Assert.Contains("tunggu 3 detik", notice.Single().Text); // the first of the 20 leaves the window in 2.4 s
        Assert.Empty(await bot.SendAsync("10", "dan lagi")); // one notice per burst, not one per message
        Assert.Contains("belum terdaftar", await bot.Say("20", "halo")); // other users are not affected

        bot.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Contains("kecamatan", await bot.Say("10", "Banjir")); // the flow waited at its question
    }

    [Fact]
    public async Task The_limit_is_configuration_and_group_chats_get_no_notice()
    {
        await using var bot = await BotHarness.StartAsync(extraArgs: ["--CaseBot:FloodMessages=3", "--CaseBot:FloodWindowSeconds=60"]);
        for (var i = 0; i < 3; i++) Assert.NotEmpty(await bot.SendAsync("5", "/start", kind: ChatKind.Group, chatId: "-1"));
        Assert.Empty(await bot.SendAsync("5", "/start", kind: ChatKind.Group, chatId: "-1"));
        for (var i = 0; i < 3; i++) Assert.Contains("belum terdaftar", await bot.Say("6", "halo"));
        Assert.Contains("terlalu banyak", await bot.Say("6", "halo"));
        bot.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Contains("belum terdaftar", await bot.Say("6", "halo"));
    }
}
