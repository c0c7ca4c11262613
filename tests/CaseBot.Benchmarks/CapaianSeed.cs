using CaseBot.Domain.Configuration;
using CaseBot.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseBot.Benchmarks;

/// <summary>One seeded report: an event with its one report (kind 0), aid (1) or a PPKS case (2).</summary>
internal readonly record struct SeededReport(int Index, int Kind, string Kabupaten, string Kecamatan, DateOnly Date, long At, string State,
    int EventId, int Victims, int Handled, string Item, int Recipients, string Unit, string Type, string Status)
{
    public string Day => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// N reports, a third events, a third aid, a third cases, over Sulawesi Barat's 6 kabupaten and three years ending this
/// year; the same rows for every database (a fixed seed), written past the bot in bulk. Event ids are the events'
/// order (1, 2, ...): each event's report and the aid point at them.
/// </summary>
internal static class CapaianSeed
{
    public static readonly string[] Kabupaten = ["Mamuju", "Majene", "Polewali Mandar", "Mamasa", "Pasangkayu", "Mamuju Tengah"];
    private static readonly string[] Items = ["permakanan", "sandang", "tenda", "sembako"];
    private static readonly string[] Types = ["lansia-terlantar", "anak-terlantar", "penyandang-disabilitas", "fakir-miskin", "gelandangan"];
    private static readonly string[] Statuses = ["Baru", "Ditangani", "Selesai", "Dirujuk"];

    /// <summary>The reports, generated afresh on every call (a pass per table costs a second, ten million rows in memory gigabytes).</summary>
    public static IEnumerable<SeededReport> Reports(int total, RegionCatalog regions)
    {
        var random = new Random(42);
        var kecamatan = Kabupaten.ToDictionary(k => k, k => regions.FindKabupaten(k)!.Children.Select(c => c.Name).ToArray());
        var firstDay = new DateOnly(DateTime.UtcNow.Year - 2, 1, 1); // three years ending this year, so /capaian has data
        for (var i = 0; i < total; i++)
        {
            var kab = Kabupaten[random.Next(Kabupaten.Length)];
            var date = firstDay.AddDays(random.Next(3 * 365));
            var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
            var state = random.Next(10) < 7 ? "Verified" : "Pending"; // most reports verified, the newest waiting
            string Kec() => kecamatan[kab][random.Next(kecamatan[kab].Length)];
            // Drawn in this order, the same rows as the seeding before PostgreSQL was measured too.
            var report = new SeededReport(i, i % 3, kab, "", date, at, state, 0, 0, 0, "", 0, "", "", "");
            switch (report.Kind)
            {
                case 0:
                    var victims = random.Next(1, 500);
                    var kec = Kec();
                    yield return report with { EventId = i / 3 + 1, Kecamatan = kec, Victims = victims, Handled = random.Next(victims + 1) };
                    break;
                case 1:
                    var eventId = random.Next(1, i / 3 + 1); // an event seeded before
                    kec = Kec();
                    var item = Items[random.Next(Items.Length)];
                    var recipients = random.Next(1, 200);
                    yield return report with { EventId = eventId, Kecamatan = kec, Item = item, Recipients = recipients, Unit = random.Next(4) == 0 ? "Kk" : "Orang" };
                    break;
                default:
                    var type = Types[random.Next(Types.Length)];
                    kec = Kec();
                    yield return report with { Kecamatan = kec, Type = type, Status = Statuses[random.Next(Statuses.Length)] };
                    break;
            }
        }
    }
}
