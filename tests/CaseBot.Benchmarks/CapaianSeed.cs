using CaseBot.Domain.Configuration;

namespace CaseBot.Benchmarks;

/// <summary>One seeded report: an event with its one report (kind 0), aid (1) or a PPKS case (2).</summary>
internal readonly record struct SeededReport(int Index, int Kind, string Kabupaten, DateOnly Date, long At, string State)
{
    public string Kecamatan { get; init; } = "";
    /// <summary>An event's own id (its order), or the event an aid hand-out is for.</summary>
    public int EventId { get; init; }
    public int Victims { get; init; }
    public int Handled { get; init; }
    public string Item { get; init; } = "";
    public int Recipients { get; init; }
    public string Unit { get; init; } = "";
    public string Type { get; init; } = "";
    public string Status { get; init; } = "";
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
            // Initializers run in the order written: the same draws, so the same rows, as the seeding before.
            var report = new SeededReport(i, i % 3, kab, date, at, state);
            if (report.Kind == 0)
            {
                var victims = random.Next(1, 500);
                yield return report with { EventId = i / 3 + 1, Kecamatan = Kec(), Victims = victims, Handled = random.Next(victims + 1) };
            }
            else if (report.Kind == 1)
                yield return report with
                {
                    EventId = random.Next(1, i / 3 + 1), // an event seeded before
                    Kecamatan = Kec(), Item = Items[random.Next(Items.Length)], Recipients = random.Next(1, 200), Unit = random.Next(4) == 0 ? "Kk" : "Orang",
                };
            else
                yield return report with { Type = Types[random.Next(Types.Length)], Kecamatan = Kec(), Status = Statuses[random.Next(Statuses.Length)] };
        }
    }
}
