using CaseBot.Domain.Entities;
using CaseBot.Storage;

namespace CaseBot.Tests.Support;

/// <summary>Reports written straight to the database, for figures too large to type through the chat.</summary>
public static class Seed
{
    public static DisasterEvent Event(CaseBotDbContext db, string kabupaten, string kecamatan, DateOnly date, int terdampak, int tertangani,
        int meninggal = 0, int hilang = 0)
    {
        var e = new DisasterEvent
        {
            KindCode = "banjir", Kabupaten = kabupaten, Kecamatan = kecamatan, Desa = "Desa Uji", EventDate = date,
            CreatedAt = Instant(date), UpdatedAt = Instant(date),
            Counts = new VictimCounts { TerdampakJiwa = terdampak, Tertangani = tertangani, Meninggal = meninggal, Hilang = hilang },
        };
        db.Events.Add(e);
        return e;
    }

    public static void Cases(CaseBotDbContext db, int count, string kabupaten, string kecamatan, DateOnly date, CaseStatus status, string type = "fakir-miskin",
        string service = "bantuan-sosial")
    {
        for (var i = 0; i < count; i++)
            db.Cases.Add(new PpksCase
            {
                TypeCode = type, Name = $"Warga {i}", Sex = Sex.Perempuan, Age = 40, Kabupaten = kabupaten, Kecamatan = kecamatan,
                Desa = "Desa Uji", Description = "uji", ServiceCode = service, Status = status, ReportedOn = date,
                CreatedAt = Instant(date), UpdatedAt = Instant(date),
            });
    }

    public static void Aid(CaseBotDbContext db, DisasterEvent e, string item, int recipients, RecipientUnit unit, DateOnly date) =>
        db.Aid.Add(new AidDistribution
        {
            Event = e, Kabupaten = e.Kabupaten, Kecamatan = e.Kecamatan, ItemCode = item, Quantity = recipients, Unit = "paket", Recipients = recipients, RecipientUnit = unit,
            Place = "Posko", Date = date, CreatedAt = Instant(date),
        });

    private static DateTimeOffset Instant(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
}
