using CaseBot.Tests.Support;
using Xunit;

namespace CaseBot.Tests.Conversations;

/// <summary>Free text outside a flow, through the engine: officers still get capaian answers; others keep today's answer.</summary>
public sealed class FreeTextRoutingTests
{
    [Fact]
    public async Task Intent_officers_get_capaian_for_questions_and_a_report_for_a_report()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        await Scenario.RegisterApprovedAsync(bot, "20", "Bu Nur Petugas", "Petugas Dinas", kecamatan: "Seluruh kabupaten");
        var capaian = await bot.Say("20", "capaian ppks triwulan 2");
        Assert.DoesNotContain("belum paham", capaian);
        Assert.Contains("%", capaian);
        Assert.Contains("Laporan bencana", await bot.Say("20", "ada banjir di wotu pak, mau lapor"));
        await using var db = bot.Db();
        var conversation = db.Conversations.Single(c => c.UserKey == $"{BotHarness.Channel}:20");
        Assert.Contains("\"kecamatan\":\"Wotu\"", conversation.DataJson);
        await bot.Say("20", "/batal");
        var unknown = (await bot.SendAsync("20", "asdfgh")).Single();
        Assert.StartsWith("Maaf, saya belum paham.", unknown.Text);
        Assert.Equal("/capaian", unknown.Choices[0].Data);
    }

    [Fact]
    public async Task Intent_unregistered_users_keep_the_registration_answer()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        var reply = await bot.Say("77", "ada banjir di wotu");
        Assert.Contains("/daftar", reply);
        await using var db = bot.Db();
        Assert.DoesNotContain(db.Conversations, c => c.UserKey == $"{BotHarness.Channel}:77");
    }

    [Fact]
    public async Task Intent_a_tagana_asking_for_capaian_is_told_where_to_look()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        var reply = (await bot.SendAsync("10", "berapa persen korban tertangani di Malili bulan ini?")).Single();
        Assert.Contains("/laporanku", reply.Text);
        Assert.All(reply.Choices, c => Assert.StartsWith("/", c.Data));
    }

    [Fact]
    public async Task Intent_a_kind_no_open_event_has_is_a_new_event_and_keeps_its_answers()
    {
        await using var bot = await Scenario.StartWithReporterAsync();
        await Scenario.ReportFloodAsync(bot, "10"); // an open flood in Malili
        await bot.Say("10", "ada longsor di wotu");
        Assert.Contains("\"kind\":\"tanah-longsor\"", await DraftAsync(bot));
        Assert.Contains("\"kecamatan\":\"Wotu\"", await DraftAsync(bot));
        await bot.Say("10", "/batal");
        // Perhaps the open flood: the reporter chooses.
        var replies = await bot.SendAsync("10", "banjir lagi di malili");
        Assert.Contains(replies.SelectMany(r => r.Choices), c => c.Label.Contains("BC-2024-0001"));
    }

    private static async Task<string> DraftAsync(BotHarness bot)
    {
        await using var db = bot.Db();
        return db.Conversations.Single(c => c.UserKey == $"{BotHarness.Channel}:10").DataJson;
    }
}
