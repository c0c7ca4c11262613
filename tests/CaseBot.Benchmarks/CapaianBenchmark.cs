using System.Diagnostics;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
using CaseBot.Host;
using CaseBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Benchmarks;

/// <summary>
/// Seeds N reports (events, aid, PPKS cases) over Sulawesi Barat's 6 kabupaten and the last three years into a SQLite file,
/// then times /capaian through the engine for one kabupaten officer and for the province admin.
/// </summary>
public static class CapaianBenchmark
{
    private static readonly string[] Kabupaten = ["Mamuju", "Majene", "Polewali Mandar", "Mamasa", "Pasangkayu", "Mamuju Tengah"];

    public static async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
        var folder = Directory.CreateTempSubdirectory("casebot-bench-").FullName;
        var database = Path.Combine(folder, "casebot.db");
        // The officer asks many times in a row: no flood limit for the benchmark.
        using var host = CaseBotHost.Build([$"--CaseBot:Storage:ConnectionString=Data Source={database}", "--CaseBot:Terminal:Enabled=false",
            "--CaseBot:FloodMessages=0"]);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        var seeding = Stopwatch.StartNew();
        await SeedAsync(database, total, host.Services.GetRequiredService<CaseBot.Domain.Configuration.RegionCatalog>());
        Console.WriteLine($"seeded {total:N0} reports in {seeding.Elapsed.TotalSeconds:F1} s ({new FileInfo(database).Length / 1048576.0:F0} MiB)");

        var engine = host.Services.GetRequiredService<ConversationEngine>();
        var sequence = 0;
        Func<Task> Ask(string user) => async () =>
        {
            var replies = await engine.HandleAsync(new IncomingMessage
            {
                Channel = "bench", UserId = user, ChatId = user, Text = "/capaian", MessageId = $"b{++sequence}",
            });
            if (!replies[0].Text.StartsWith("🎯", StringComparison.Ordinal)) throw new InvalidOperationException(replies[0].Text);
        };
        Console.WriteLine("sample answer (province):\n" + (await engine.HandleAsync(new IncomingMessage { Channel = "bench", UserId = "1", ChatId = "1", Text = "/capaian" }))[0].Text);
        foreach (var (label, user) in new[] { ("/capaian kabupaten Mamuju", "2"), ("/capaian provinsi Sulawesi Barat", "1") })
        {
            var (median, p99, runs) = await Stats.TimeAsync(Ask(user), warmup: 3, runs: 60);
            Console.WriteLine($"{label}: median {median:F1} ms, p99 {p99:F1} ms over {runs} runs");
        }
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>Raw inserts in one transaction: a third events, a third aid, a third cases, spread over 3 years.</summary>
    private static async Task SeedAsync(string database, int total, CaseBot.Domain.Configuration.RegionCatalog regions)
    {
        await using var connection = new SqliteConnection(StorageSetup.SqliteConnectionString(database));
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var random = new Random(42);
        var kecamatan = Kabupaten.ToDictionary(k => k, k => regions.FindKabupaten(k)!.Children.Select(c => c.Name).ToArray());

        await Exec(connection, tx, """
            INSERT INTO Reporters (Name, Role, Kabupaten, Kecamatan, Status, IsAdmin, RegisteredAt) VALUES
              ('Admin Provinsi', 'Petugas', 'Mamuju', NULL, 'Approved', 1, 0),
              ('Kasi Mamuju', 'Petugas', 'Mamuju', NULL, 'Approved', 0, 0);
            INSERT INTO Identities (Channel, ExternalUserId, ChatId, ReporterId) VALUES ('bench', '1', '1', 1), ('bench', '2', '2', 2);
            """);
        var events = Command(connection, tx, """
            INSERT INTO Events (KindCode, Kabupaten, Kecamatan, Desa, EventDate, ReporterId, CreatedAt, UpdatedAt, Closed,
              Counts_Meninggal, Counts_Hilang, Counts_Luka, Counts_Mengungsi, Counts_TerdampakJiwa, Counts_TerdampakKk, Counts_Tertangani)
            VALUES ('banjir', $kab, $kec, 'Desa', $date, 1, $at, $at, 0, 0, 0, 1, $m, $t, $kk, $h);
            INSERT INTO DisasterReports (EventId, ReporterId, ReportedAt, IsUpdate, Verification_State,
              Counts_Meninggal, Counts_Hilang, Counts_Luka, Counts_Mengungsi, Counts_TerdampakJiwa, Counts_TerdampakKk, Counts_Tertangani)
            VALUES (last_insert_rowid(), 1, $at, 0, $state, 0, 0, 1, $m, $t, $kk, $h)
            """, "$kab", "$kec", "$date", "$at", "$m", "$t", "$kk", "$h", "$state");
        var aid = Command(connection, tx, """
            INSERT INTO Aid (EventId, Kabupaten, Kecamatan, ItemCode, Quantity, Unit, Recipients, RecipientUnit, Place, Date, ReporterId, CreatedAt,
              Verification_State)
            VALUES ($event, $kab, $kec, $item, 10, 'paket', $n, $unit, 'Posko', $date, 1, $at, $state)
            """, "$event", "$kab", "$kec", "$item", "$n", "$unit", "$date", "$at", "$state");
        var cases = Command(connection, tx, """
            INSERT INTO Cases (TypeCode, Name, Sex, Age, Kabupaten, Kecamatan, Desa, Description, ServiceCode, Status, ReporterId,
              ReportedOn, CreatedAt, UpdatedAt, Verification_State, VerifiedStatus, VerifiedServiceCode)
            VALUES ($type, 'Warga', 'Perempuan', 40, $kab, $kec, 'Desa', '-', 'bantuan-sosial', $status, 1, $date, $at, $at, $state,
              CASE WHEN $state = 'Verified' THEN $status END, CASE WHEN $state = 'Verified' THEN 'bantuan-sosial' END)
            """, "$type", "$kab", "$kec", "$status", "$date", "$at", "$state");
        string[] items = ["permakanan", "sandang", "tenda", "sembako"], types = ["lansia-terlantar", "anak-terlantar", "penyandang-disabilitas", "fakir-miskin", "gelandangan"];
        string[] statuses = ["Baru", "Ditangani", "Selesai", "Dirujuk"];
        var firstDay = new DateOnly(DateTime.UtcNow.Year - 2, 1, 1); // three years ending this year, so /capaian has data
        for (var i = 0; i < total; i++)
        {
            var kab = Kabupaten[random.Next(Kabupaten.Length)];
            var date = firstDay.AddDays(random.Next(3 * 365));
            var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
            var kind = i % 3;
            var state = random.Next(10) < 7 ? "Verified" : "Pending"; // most reports verified, the newest waiting
            if (kind == 0)
            {
                var victims = random.Next(1, 500);
                Run(events, kab, kecamatan[kab][random.Next(kecamatan[kab].Length)], date.ToString("yyyy-MM-dd"), at, victims / 3, victims, victims / 4, random.Next(victims + 1), state);
            }
            else if (kind == 1)
                Run(aid, random.Next(1, i / 3 + 1), kab, kecamatan[kab][random.Next(kecamatan[kab].Length)], items[random.Next(items.Length)], random.Next(1, 200), random.Next(4) == 0 ? "Kk" : "Orang", date.ToString("yyyy-MM-dd"), at, state);
            else
                Run(cases, types[random.Next(types.Length)], kab, kecamatan[kab][random.Next(kecamatan[kab].Length)], statuses[random.Next(4)], date.ToString("yyyy-MM-dd"), at, state);
        }
        await tx.CommitAsync();
        await Exec(connection, null, "ANALYZE;");
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private static async Task Exec(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
