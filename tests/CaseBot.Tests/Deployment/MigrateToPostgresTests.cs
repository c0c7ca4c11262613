using CaseBot.Tests.Support;

namespace CaseBot.Tests.Deployment;

/// <summary>`casebot migrate-to-postgres` copies a SQLite database played through the engine into PostgreSQL: equal
/// counts, equal /capaian answers, and new reports numbered after the copied ones.</summary>
[Collection(SerialProcesses.Name)]
public sealed class MigrateToPostgresTests
{
    private const string Officer = "30";

    [Fact]
    public async Task A_seeded_sqlite_database_round_trips_with_equal_counts_and_capaian()
    {
        await using var sqlite = TestDatabase.Create(StorageKind.Sqlite);
        await using var postgres = TestDatabase.Create(StorageKind.Postgres);
        string before, rincian;
        await using (var bot = await BotHarness.StartAsync(sqlite))
        {
            await Scenario.RegisterAdminAsync(bot);
            await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
            await Scenario.RegisterApprovedAsync(bot, Officer, "Pak Kasi Malili", role: "Petugas Dinas", kecamatan: "Malili");
            await Scenario.ReportFloodAsync(bot, "10", jiwa: 120, tertangani: 100);
            Assert.Equal(1, await Scenario.VerifyAllAsync(bot, Officer));
            await Scenario.ReportFloodAsync(bot, "10", desa: "Baruga", jiwa: 40, tertangani: 10);
            foreach (var a in new[] { "/ppks", "Lanjut usia terlantar", "Hasnah", "7324010101500001", "Malili", "Lampia", "Perempuan", "70",
                         "Tinggal sendiri", "Permakanan", "ditangani", "simpan" })
                await bot.Say("10", a);
            before = await bot.Say(Officer, "/capaian");
            rincian = await bot.Say(Officer, "/rincian spm-bencana Malili 2024");
        }

        var copy = await CasebotProcess.RunAsync(["migrate-to-postgres", "--from", sqlite.ConnectionString, "--to", postgres.ConnectionString],
            new Dictionary<string, string> { ["CaseBot__ConfigDirectory"] = Path.Combine(AppContext.BaseDirectory, "config") });
        Assert.True(copy.ExitCode == 0, copy.Output + copy.Error);
        Assert.Contains("every count matches", copy.Output);
        Assert.Contains("Events: 2", copy.Output);
        Assert.Contains("Cases: 1", copy.Output);

        await using (var bot = await BotHarness.StartAsync(postgres))
        {
            Assert.Equal(before, await bot.Say(Officer, "/capaian"));
            Assert.Equal(rincian, await bot.Say(Officer, "/rincian spm-bencana Malili 2024"));
            Assert.Contains("BC-2024-0003", await Scenario.ReportFloodAsync(bot, "10", desa: "Lampia")); // ids go on after the copied ones

            // A second copy into a database that has data is refused, nothing written.
            var again = await CasebotProcess.RunAsync(["migrate-to-postgres", "--from", sqlite.ConnectionString, "--to", postgres.ConnectionString],
                new Dictionary<string, string>());
            Assert.True(again.ExitCode == 1, again.Output + again.Error);
            Assert.Contains("not empty", again.Error);
            await using var db = bot.Db();
            Assert.Equal(3, db.Events.Count());
        }
    }
}
