using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Exports;
using CaseBot.Reporting.Summary;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Engine;

/// <summary>/duplikat: officers resolve possible duplicate PPKS cases, seeing only what their area allows.</summary>
public class DuplicatesCommandTests
{
    /// <summary>DuplicatesCommandTestsOnPostgres runs them all again on PostgreSQL.</summary>
    protected virtual StorageKind Storage => StorageKind.Sqlite;

    private const string FullNik = "7306014506800002";
    private const string ReporterLutim = "10", ReporterMamuju = "11";
    private const string OfficerLutim = "20", OfficerMamuju = "21", OfficerWotu = "22", OfficerMajene = "23", OfficerKalukku = "24";

    /// <summary>What the tests seed: the cases of both links and the links' ids.</summary>
    private sealed record World(PpksCase OldMamuju, PpksCase NewMalili, PpksCase OldLampia, PpksCase NewLampia, int CrossLink, int LocalLink);

    /// <summary>
    /// Reporters and officers of Luwu Timur and Mamuju, and two open links: #CrossLink (a Malili case with the NIK of a
    /// Mamuju case) and, made later, #LocalLink (two cases with one name in one desa of Malili).
    /// </summary>
    private async Task<(BotHarness Bot, World World)> StartAsync()
    {
        var bot = await BotHarness.StartAsync(Storage);
        await using var db = bot.Db();
        var people = new Dictionary<string, Reporter>
        {
            [ReporterLutim] = Person(ReporterLutim, "Rahmat Tagana", ReporterRole.Tagana, "Luwu Timur", "Malili"),
            [ReporterMamuju] = Person(ReporterMamuju, "Yusuf TKSK", ReporterRole.Tksk, "Mamuju", "Kalukku"),
            [OfficerLutim] = Person(OfficerLutim, "Dewi Petugas", ReporterRole.Petugas, "Luwu Timur", null),
            [OfficerMamuju] = Person(OfficerMamuju, "Ahmad Petugas", ReporterRole.Petugas, "Mamuju", null),
            [OfficerWotu] = Person(OfficerWotu, "Wati Petugas", ReporterRole.Petugas, "Luwu Timur", "Wotu"),
            [OfficerMajene] = Person(OfficerMajene, "Budi Petugas", ReporterRole.Petugas, "Majene", null),
            [OfficerKalukku] = Person(OfficerKalukku, "Rina Petugas", ReporterRole.Petugas, "Mamuju", "Kalukku"),
            [BotHarness.AdminId] = Person(BotHarness.AdminId, "Andi Admin", ReporterRole.Petugas, "Luwu Timur", null, admin: true),
        };
        db.Reporters.AddRange(people.Values);
        await db.SaveChangesAsync();

        var oldMamuju = Case(people[ReporterMamuju], "Siti Aminah Binti Laco", FullNik, "Mamuju", "Kalukku", "Rahasia", new DateOnly(2024, 3, 1));
        var newMalili = Case(people[ReporterLutim], "Siti Aminah", FullNik, "Luwu Timur", "Malili", "Puncak Indah", new DateOnly(2024, 3, 10));
        var oldLampia = Case(people[ReporterLutim], "Baco", null, "Luwu Timur", "Malili", "Lampia", new DateOnly(2024, 3, 11), CaseStatus.Baru);
        var newLampia = Case(people[ReporterLutim], "Baco", null, "Luwu Timur", "Malili", "Lampia", new DateOnly(2024, 3, 12), CaseStatus.Baru);
        db.Cases.AddRange(oldMamuju, newMalili, oldLampia, newLampia);
        var cross = new PossibleDuplicate
        {
            Case = newMalili, OtherCase = oldMamuju, Reason = PossibleDuplicate.ReasonNik, CreatedAt = BotHarness.DefaultNow.AddDays(-5),
        };
        var local = new PossibleDuplicate
        {
            Case = newLampia, OtherCase = oldLampia, Reason = PossibleDuplicate.ReasonName, CreatedAt = BotHarness.DefaultNow.AddDays(-3),
        };
        db.PossibleDuplicates.AddRange(cross, local);
        await db.SaveChangesAsync();
        return (bot, new World(oldMamuju, newMalili, oldLampia, newLampia, cross.Id, local.Id));
    }

    private static Reporter Person(string userId, string name, ReporterRole role, string kabupaten, string? kecamatan, bool admin = false) => new()
    {
        Name = name, Role = role, Kabupaten = kabupaten, Kecamatan = kecamatan, Status = ReporterStatus.Approved, IsAdmin = admin,
        RegisteredAt = BotHarness.DefaultNow.AddDays(-30), DecidedAt = BotHarness.DefaultNow.AddDays(-30),
        Identities = [new ChannelIdentity { Channel = BotHarness.Channel, ExternalUserId = userId, ChatId = userId }],
    };

    private static PpksCase Case(Reporter by, string name, string? nik, string kabupaten, string kecamatan, string desa, DateOnly on,
        CaseStatus status = CaseStatus.Ditangani) => new()
    {
        TypeCode = "fakir-miskin", Name = name, Nik = nik, Sex = Sex.Perempuan, Age = 60, Kabupaten = kabupaten, Kecamatan = kecamatan,
        Desa = desa, Description = "uji", ServiceCode = "bantuan-sosial", Status = status, ReporterId = by.Id, ReportedOn = on,
        CreatedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)),
        UpdatedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)),
        HandledAt = status == CaseStatus.Ditangani ? new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)) : null,
    };

    private static async Task<decimal> HandledCasesAsync(BotHarness bot, string region)
    {
        var regions = bot.Services.GetRequiredService<RegionCatalog>();
        var results = await bot.Services.GetRequiredService<CapaianService>()
            .MeasureAsync(RegionScope.Of(regions.Find(region)!), ReportingPeriod.Year(2024), i => i.Id == "ppks-ditangani");
        return Assert.Single(results).Figures.Provisional.Numerator; // these cases are not verified: the merge is what is tested
    }

    /// <summary>The daily summary's handled count for Luwu Timur on the day the Malili case was handled.</summary>
    private static async Task<int> HandledOnTheDayAsync(BotHarness bot) =>
        (await bot.Services.GetRequiredService<DailySummaryQuery>()
            .ComputeAsync(bot.Services.GetRequiredService<RegionCatalog>().Find("Luwu Timur")!, new DateOnly(2024, 3, 10), silentDays: 3))
        .CasesHandled;

    [Fact]
    public async Task An_officer_sees_the_links_of_their_area_newest_first_without_the_other_areas_details()
    {
        var (bot, w) = await StartAsync();
        await using var _ = bot;
        var replies = await bot.SendAsync(OfficerLutim, "/duplikat");
        var list = replies.Single().Text;

        Assert.Contains($"#{w.CrossLink} {w.NewMalili.Number} ↔ {w.OldMamuju.Number}: NIK sama", list);
        Assert.Contains($"#{w.LocalLink} {w.NewLampia.Number} ↔ {w.OldLampia.Number}: nama sama di desa yang sama", list);
        Assert.True(list.IndexOf($"#{w.LocalLink} ", StringComparison.Ordinal) < list.IndexOf($"#{w.CrossLink} ", StringComparison.Ordinal),
            "newest link first");
        // Their own area's case in full (NIK masked), the Mamuju case only by number and kabupaten.
        Assert.Contains($"{w.NewMalili.Number} Siti Aminah, NIK 7306********0002", list);
        Assert.Contains("Desa Puncak Indah", list);
        Assert.Contains($"{w.OldMamuju.Number}, Mamuju (di luar wilayah Anda)", list);
        Assert.DoesNotContain("Binti Laco", list);
        Assert.DoesNotContain("Rahasia", list);
        Assert.DoesNotContain(FullNik, list);
        var buttons = replies.Single().Choices.Select(c => (c.Label, c.Data)).ToList();
        Assert.Contains(($"Gabungkan #{w.CrossLink}", $"/duplikat gabung {w.CrossLink}"), buttons);
        Assert.Contains(($"Bukan duplikat #{w.CrossLink}", $"/duplikat pisah {w.CrossLink}"), buttons);

        // Mamuju's officer: only the cross link, with the Malili case hidden.
        var mamuju = await bot.Say(OfficerMamuju, "/duplikat");
        Assert.Contains($"#{w.CrossLink} ", mamuju);
        Assert.DoesNotContain($"#{w.LocalLink} ", mamuju);
        Assert.Contains("Siti Aminah Binti Laco", mamuju);
        Assert.Contains($"{w.NewMalili.Number}, Luwu Timur (di luar wilayah Anda)", mamuju);
        Assert.DoesNotContain("Puncak Indah", mamuju);
        Assert.DoesNotContain(FullNik, mamuju);
    }

    [Fact]
    public async Task Officers_of_another_kabupaten_or_kecamatan_see_nothing_and_admins_see_everything()
    {
        var (bot, w) = await StartAsync();
        await using var _ = bot;
        Assert.Contains("Tidak ada kemungkinan kasus ganda", await bot.Say(OfficerMajene, "/duplikat"));
        Assert.Contains("Tidak ada kemungkinan kasus ganda", await bot.Say(OfficerWotu, "/duplikat"));
        var kalukku = await bot.Say(OfficerKalukku, "/duplikat"); // the older case lies in their kecamatan
        Assert.Contains($"#{w.CrossLink} ", kalukku);
        Assert.DoesNotContain($"#{w.LocalLink} ", kalukku);

        var admin = await bot.Say(BotHarness.AdminId, "/duplikat");
        Assert.Contains($"#{w.CrossLink} ", admin);
        Assert.Contains($"#{w.LocalLink} ", admin);
        Assert.Contains("Siti Aminah Binti Laco", admin);
        Assert.Contains($"NIK {FullNik}", admin); // admins only see the NIK in full
    }

    [Fact]
    public async Task Merging_folds_the_newer_case_into_the_older_with_audit_notices_and_no_double_count()
    {
        var (bot, w) = await StartAsync();
        await using var _ = bot;
        Assert.Equal(1m, await HandledCasesAsync(bot, "Luwu Timur"));
        Assert.Equal(1m, await HandledCasesAsync(bot, "Mamuju"));
        Assert.Equal(1, await HandledOnTheDayAsync(bot));

        var sent = await bot.SendAsync(OfficerLutim, $"/duplikat gabung {w.CrossLink}");
        var reply = sent.Single(m => m.ChatId == OfficerLutim).Text;
        Assert.Contains($"{w.NewMalili.Number} digabung ke {w.OldMamuju.Number}", reply);

        await using (var db = bot.Db())
        {
            var officerId = db.Reporters.Single(r => r.Name == "Dewi Petugas").Id;
            Assert.Equal(w.OldMamuju.Id, db.Cases.Single(c => c.Id == w.NewMalili.Id).MergedIntoCaseId);
            Assert.Null(db.Cases.Single(c => c.Id == w.OldMamuju.Id).MergedIntoCaseId);
            var link = db.PossibleDuplicates.Single(d => d.Id == w.CrossLink);
            Assert.Equal((DuplicateStatus.Merged, BotHarness.DefaultNow, officerId), (link.Status, link.ResolvedAt, link.ResolvedByReporterId));
            Assert.Equal(DuplicateStatus.Open, db.PossibleDuplicates.Single(d => d.Id == w.LocalLink).Status);
            var newAudit = db.Audit.Single(a => a.Subject == w.NewMalili.Number);
            Assert.Equal(("digabung", w.OldMamuju.Number, officerId), (newAudit.Field, newAudit.NewValue, newAudit.ByReporterId));
            var oldAudit = db.Audit.Single(a => a.Subject == w.OldMamuju.Number);
            Assert.Equal("digabung", oldAudit.Field);
            Assert.Contains(w.NewMalili.Number, oldAudit.NewValue);
        }

        // Both reporters are told; neither learns the number of the case in the other kabupaten.
        var toLutim = sent.Single(m => m.ChatId == ReporterLutim).Text;
        Assert.Contains(w.NewMalili.Number, toLutim);
        Assert.Contains("digabung", toLutim);
        Assert.DoesNotContain(w.OldMamuju.Number, toLutim);
        var toMamuju = sent.Single(m => m.ChatId == ReporterMamuju).Text;
        Assert.Contains(w.OldMamuju.Number, toMamuju);
        Assert.DoesNotContain(w.NewMalili.Number, toMamuju);

        // The person counts once: in Mamuju, where the case they were merged into lies.
        Assert.Equal(0m, await HandledCasesAsync(bot, "Luwu Timur"));
        Assert.Equal(1m, await HandledCasesAsync(bot, "Mamuju"));
        Assert.Equal(0, await HandledOnTheDayAsync(bot)); // the daily summary's "ditangani" neither
        var sheets = await bot.Services.GetRequiredService<ReportSheets>()
            .BuildAsync(new ExportRequest("ppks", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));
        var ppks = sheets.Single(s => s.Name == PpksSheet.SheetName);
        var (number, mergedInto) = (ppks.Headers.ToList().IndexOf("Nomor"), ppks.Headers.ToList().IndexOf("Digabung ke"));
        Assert.Equal(w.OldMamuju.Number, ppks.Rows.Single(r => (string?)r[number] == w.NewMalili.Number)[mergedInto]);
        Assert.Null(ppks.Rows.Single(r => (string?)r[number] == w.OldMamuju.Number)[mergedInto]);

        // The merged case says so; its reporter is not told the other kabupaten's number, the admin is.
        var status = await bot.Say(ReporterLutim, $"/status {w.NewMalili.Number}");
        Assert.Contains("Digabung ke laporan lain", status);
        Assert.DoesNotContain(w.OldMamuju.Number, status);
        Assert.Contains($"Digabung ke {w.OldMamuju.Number}", await bot.Say(BotHarness.AdminId, $"/status {w.NewMalili.Number}"));

        Assert.Contains("sudah diselesaikan", await bot.Say(OfficerMamuju, $"/duplikat gabung {w.CrossLink}"));
        Assert.DoesNotContain($"#{w.CrossLink} ", await bot.Say(OfficerLutim, "/duplikat"));
    }

    [Fact]
    public async Task Not_a_duplicate_closes_the_link_and_keeps_both_cases()
    {
        var (bot, w) = await StartAsync();
        await using var _ = bot;
        Assert.Contains("dua kasus yang berbeda", await bot.Say(OfficerLutim, $"/duplikat pisah {w.LocalLink}"));

        await using (var db = bot.Db())
        {
            var link = db.PossibleDuplicates.Single(d => d.Id == w.LocalLink);
            Assert.Equal(DuplicateStatus.Separate, link.Status);
            Assert.NotNull(link.ResolvedAt);
            Assert.All(db.Cases.ToList(), c => Assert.Null(c.MergedIntoCaseId));
            Assert.Equal("duplikat", db.Audit.Single(a => a.Subject == w.NewLampia.Number).Field);
            Assert.Equal("bukan duplikat", db.Audit.Single(a => a.Subject == w.OldLampia.Number).NewValue);
        }
        Assert.DoesNotContain($"#{w.LocalLink} ", await bot.Say(OfficerLutim, "/duplikat"));
        Assert.Contains("sudah diselesaikan: bukan duplikat", await bot.Say(OfficerLutim, $"/duplikat gabung {w.LocalLink}"));
    }

    [Fact]
    public async Task A_link_outside_the_officers_area_answers_like_an_unknown_one_and_changes_nothing()
    {
        var (bot, w) = await StartAsync();
        await using var _ = bot;
        const int unknown = 9999;
        var unknownAnswer = await bot.Say(OfficerMajene, $"/duplikat gabung {unknown}");
        Assert.Contains("tidak ditemukan atau bukan wewenang Anda", unknownAnswer);
        foreach (var (officer, command) in new[] { (OfficerMajene, "gabung"), (OfficerMajene, "pisah"), (OfficerWotu, "gabung") })
        {
            var answer = await bot.Say(officer, $"/duplikat {command} {w.CrossLink}");
            Assert.Equal(unknownAnswer.Replace($"#{unknown}", $"#{w.CrossLink}"), answer);
        }
        // Even once resolved, an outsider learns nothing about it.
        await bot.Say(OfficerLutim, $"/duplikat pisah {w.CrossLink}");
        Assert.Equal(unknownAnswer.Replace($"#{unknown}", $"#{w.CrossLink}"), await bot.Say(OfficerMajene, $"/duplikat gabung {w.CrossLink}"));

        await using var db = bot.Db();
        Assert.All(db.Cases.ToList(), c => Assert.Null(c.MergedIntoCaseId));
        Assert.Equal(DuplicateStatus.Open, db.PossibleDuplicates.Single(d => d.Id == w.LocalLink).Status);
        Assert.Equal(2, await db.Audit.CountAsync()); // only the Luwu Timur officer's decision
    }

    [Fact]
    public async Task Reporters_are_refused_and_bad_arguments_get_the_usage_line()
    {
        var (bot, w) = await StartAsync();
        await using var _ = bot;
        Assert.Contains("khusus petugas", await bot.Say(ReporterLutim, "/duplikat"));
        Assert.Contains("khusus petugas", await bot.Say(ReporterLutim, $"/duplikat gabung {w.LocalLink}"));
        foreach (var bad in new[] { "gabung", "pisah abc", "hapus 1", $"gabung {w.LocalLink} {w.CrossLink}", "gabung -1" })
            Assert.Contains("contoh: /duplikat gabung 3", await bot.Say(OfficerLutim, $"/duplikat {bad}"));
        await using var db = bot.Db();
        Assert.All(db.PossibleDuplicates.ToList(), d => Assert.Equal(DuplicateStatus.Open, d.Status));
        Assert.Empty(db.Audit);
    }
}

public sealed class DuplicatesCommandTestsOnPostgres : DuplicatesCommandTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}
