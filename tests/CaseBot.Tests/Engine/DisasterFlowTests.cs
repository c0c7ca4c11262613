using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Tests.Engine;

public class DisasterFlowTests
{
    /// <summary>The database these flows run on; DisasterFlowTestsOnPostgres runs them all again on PostgreSQL.</summary>
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    private Task<BotHarness> WithReporterAsync() => Scenario.StartWithReporterAsync(storage: Storage);

    [Fact]
    public async Task New_event_is_saved_with_its_counts_and_a_human_number()
    {
        await using var bot = await WithReporterAsync();
        Assert.Contains("Jenis bencana", await bot.Say("10", "/bencana"));
        Assert.Contains("kecamatan", await bot.Say("10", "Banjir"));
        await bot.Say("10", "Malili");
        Assert.Contains("Kapan", await bot.Say("10", "Puncak Indah"));
        Assert.Contains("meninggal", await bot.Say("10", "kemarin"));
        foreach (var n in new[] { "1", "0", "3", "45", "1.234", "310" })
            await bot.Say("10", n);
        var summary = await bot.Say("10", "1.000");
        Assert.Contains("Banjir", summary);
        Assert.Contains("1.234", summary);
        Assert.Contains("14 Maret 2024", summary);

        var saved = await bot.Say("10", "simpan");
        Assert.Contains("BC-2024-0001", saved);

        await using var db = bot.Db();
        var e = await db.Events.Include(x => x.Reports).SingleAsync();
        Assert.Equal(("banjir", "Malili", "Puncak Indah"), (e.KindCode, e.Kecamatan, e.Desa));
        Assert.Equal(new DateOnly(2024, 3, 14), e.EventDate);
        Assert.Equal((1, 0, 3, 45, 1234, 310, 1000),
            (e.Counts.Meninggal, e.Counts.Hilang, e.Counts.Luka, e.Counts.Mengungsi, e.Counts.TerdampakJiwa, e.Counts.TerdampakKk, e.Counts.Tertangani));
        Assert.Single(e.Reports);
        Assert.Empty(db.Conversations);
    }

    [Theory]
    [InlineData("banyak", "Jumlah harus angka")]
    [InlineData("-3", "Jumlah harus angka")]
    [InlineData("1,5", "Jumlah harus angka")]
    [InlineData("", "Jumlah harus angka")]
    public async Task Bad_counts_are_explained_and_asked_again(string input, string expected)
    {
        await using var bot = await WithReporterAsync();
        foreach (var a in new[] { "/bencana", "Banjir", "Malili", "Puncak Indah", "hari ini" }) await bot.Say("10", a);
        var reply = await bot.Say("10", input);
        Assert.Contains(expected, reply);
        Assert.Contains("meninggal", reply); // the same question again
        Assert.Contains("hilang", await bot.Say("10", "0"));
    }

    [Fact]
    public async Task Dates_in_the_future_or_unreadable_are_refused()
    {
        await using var bot = await WithReporterAsync();
        foreach (var a in new[] { "/bencana", "Tanah longsor", "Malili", "Balantang" }) await bot.Say("10", a);
        Assert.Contains("masa depan", await bot.Say("10", "20/03/2024"));
        Assert.Contains("tidak dikenali", await bot.Say("10", "minggu depan"));
        Assert.Contains("tidak dikenali", await bot.Say("10", "31/02/2024"));
        Assert.Contains("meninggal", await bot.Say("10", "12 Maret 2024"));
    }

    [Fact]
    public async Task Handled_victims_cannot_exceed_all_victims()
    {
        await using var bot = await WithReporterAsync();
        foreach (var a in new[] { "/bencana", "Banjir", "Malili", "Puncak Indah", "hari ini", "1", "1", "0", "10", "50", "12" })
            await bot.Say("10", a);
        var reply = await bot.Say("10", "53");
        Assert.Contains("tidak boleh lebih dari jumlah korban (52", reply);
        Assert.Contains("Periksa", await bot.Say("10", "52"));
    }

    [Fact]
    public async Task Unknown_choice_and_stale_button_are_refused_with_a_way_forward()
    {
        await using var bot = await WithReporterAsync();
        await bot.Say("10", "/bencana");
        Assert.Contains("tidak ada di pilihan", await bot.Say("10", "hujan meteor"));
        Assert.Contains("sudah tidak berlaku", await bot.Press("10", "angin-xyz"));
        Assert.Contains("kecamatan", await bot.Say("10", "banjr")); // one-letter typo is forgiven
    }

    public static TheoryData<int> Steps => new() { 1, 2, 3, 4, 5, 8, 11, 12 };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Cancel_at_any_step_saves_nothing(int answered)
    {
        await using var bot = await WithReporterAsync();
        string[] answers = ["Banjir", "Malili", "Puncak Indah", "hari ini", "0", "0", "0", "5", "20", "6", "10", "simpan"];
        await bot.Say("10", "/bencana");
        foreach (var a in answers.Take(answered - 1)) await bot.Say("10", a);
        Assert.Contains("dibatalkan", await bot.Say("10", "/batal"));
        await using var db = bot.Db();
        Assert.Empty(db.Events);
        Assert.Empty(db.Conversations);
    }

    [Fact]
    public async Task Cancel_button_on_the_summary_saves_nothing()
    {
        await using var bot = await WithReporterAsync();
        foreach (var a in new[] { "/bencana", "Banjir", "Malili", "Puncak Indah", "hari ini", "0", "0", "0", "5", "20", "6" })
            await bot.Say("10", a);
        var summary = await bot.SendAsync("10", "10");
        Assert.Contains("dibatalkan", await bot.Press("10", BotHarness.Data(summary, "Batal")));
        await using var db = bot.Db();
        Assert.Empty(db.Events);
    }

    [Fact]
    public async Task A_field_can_be_edited_from_the_summary_before_saving()
    {
        await using var bot = await WithReporterAsync();
        foreach (var a in new[] { "/bencana", "Banjir", "Malili", "Puncak Indah", "hari ini", "0", "0", "0", "5", "20", "6" })
            await bot.Say("10", a);
        var summary = await bot.SendAsync("10", "10");
        var menu = await bot.PressAsync("10", BotHarness.Data(summary, "Ubah"));
        var question = await bot.Say("10", "Mengungsi");
        Assert.Contains("mengungsi", question);
        Assert.Contains("Sekarang: 5", question);
        var again = await bot.Say("10", "15");
        Assert.Contains("Mengungsi: 15", again);
        await bot.Say("10", "simpan");
        await using var db = bot.Db();
        Assert.Equal(15, db.Events.Single().Counts.Mengungsi);
        Assert.NotEmpty(menu.Single().Choices);
    }

    [Fact]
    public async Task A_restart_mid_flow_resumes_at_the_same_question()
    {
        var bot = await WithReporterAsync();
        foreach (var a in new[] { "/bencana", "Kebakaran permukiman", "Malili", "Puncak Indah", "hari ini", "0", "1" })
            await bot.Say("10", a);
        await using var restarted = await bot.RestartAsync();
        var resumed = await restarted.Say("10", "2");
        Assert.Contains("mengungsi", resumed);
        foreach (var a in new[] { "8", "30", "7" }) await restarted.Say("10", a);
        var summary = await restarted.Say("10", "30");
        Assert.Contains("Kebakaran", summary);
        await restarted.Say("10", "simpan");
        await using var db = restarted.Db();
        var e = db.Events.Single();
        Assert.Equal((0, 1, 2, 8), (e.Counts.Meninggal, e.Counts.Hilang, e.Counts.Luka, e.Counts.Mengungsi));
    }

    [Fact]
    public async Task A_later_report_updates_the_open_event_and_keeps_history_and_audit()
    {
        await using var bot = await WithReporterAsync();
        await Scenario.ReportFloodAsync(bot, "10", tertangani: 50);
        var first = await bot.SendAsync("10", "/bencana");
        var menu = await bot.Press("10", BotHarness.Data(first, "BC-2024-0001"));
        Assert.Contains("Meninggal: 0", menu); // the current figures, then "which changed?"
        foreach (var (field, value) in new[] { ("Terdampak (jiwa)", "130"), ("Terdampak (KK)", "32"), ("Tertangani", "120") })
        {
            await bot.Say("10", field);
            await bot.Say("10", value);
            await bot.Say("10", "ubah");
        }
        var summary = await bot.Say("10", "Selesai");
        Assert.Contains("pembaruan BC-2024-0001", summary);
        Assert.Contains("Tertangani: 50 → 120", summary);
        Assert.Contains("Pembaruan BC-2024-0001 tersimpan", await bot.Say("10", "simpan"));

        await using var db = bot.Db();
        var e = await db.Events.Include(x => x.Reports).SingleAsync();
        Assert.Equal((130, 32, 120), (e.Counts.TerdampakJiwa, e.Counts.TerdampakKk, e.Counts.Tertangani));
        Assert.Equal(2, e.Reports.Count);
        Assert.Equal(50, e.Reports.OrderBy(r => r.Id).First().Counts.Tertangani);
        Assert.Contains(db.Audit, a => a.Subject == "BC-2024-0001" && a.Field == "tertangani" && a.OldValue == "50" && a.NewValue == "120");
        Assert.DoesNotContain(db.Audit, a => a.Subject == "BC-2024-0001" && a.Field == "meninggal"); // not touched, not audited
    }

    [Fact]
    public async Task An_update_shows_the_current_figures_and_asks_only_what_changed()
    {
        await using var bot = await WithReporterAsync();
        await Scenario.ReportFloodAsync(bot, "10", mengungsi: 40);
        var menu = await bot.SendAsync("10", "/ubah BC-2024-0001");
        Assert.Contains("Mengungsi: 40", menu.Single().Text);
        var question = await bot.Say("10", "Mengungsi");
        Assert.Contains("Sekarang: 40", question);
        var summary = await bot.Say("10", "55");
        Assert.Contains("Mengungsi: 40 → 55", summary);
        Assert.Contains("Luka-luka: 2", summary);
        Assert.DoesNotContain("Luka-luka: 2 →", summary);
    }

    [Fact]
    public async Task The_flow_is_kept_when_another_report_command_interrupts_it()
    {
        await using var bot = await WithReporterAsync();
        foreach (var a in new[] { "/bencana", "Banjir", "Malili" }) await bot.Say("10", a);
        var reply = await bot.Say("10", "/ppks");
        Assert.Contains("sedang mengisi laporan bencana", reply);
        Assert.Contains("desa", reply);
        Assert.Contains("Kapan", await bot.Say("10", "Puncak Indah"));
    }
}
