using CaseBot.Domain.Entities;
using CaseBot.Storage;

namespace CaseBot.Tests.Support;

/// <summary>
/// Reports written straight to the database, for figures too large to type through the chat. They are verified unless
/// told otherwise: these seeds check arithmetic; verification is tested through the engine.
/// </summary>
public static class Seed
{
    private static Domain.Entities.Verification Checked(VerificationState state) => new() { State = state, At = state == VerificationState.Pending ? null : DateTimeOffset.UnixEpoch };

    public static DisasterEvent Event(CaseBotDbContext db, string kabupaten, string kecamatan, DateOnly date, int terdampak, int tertangani,
        int meninggal = 0, int hilang = 0, VerificationState state = VerificationState.Verified)
    {
        var e = new DisasterEvent
        {
            KindCode = "banjir", Kabupaten = kabupaten, Kecamatan = kecamatan, Desa = "Desa Uji", EventDate = date,
            CreatedAt = Instant(date), UpdatedAt = Instant(date),
            Counts = new VictimCounts { TerdampakJiwa = terdampak, Tertangani = tertangani, Meninggal = meninggal, Hilang = hilang },
        };
        e.Reports.Add(new DisasterReport { ReportedAt = e.CreatedAt, Counts = e.Counts.Copy(), Verification = Checked(state) });
        db.Events.Add(e);
        return e;
    }

    public static void Cases(CaseBotDbContext db, int count, string kabupaten, string kecamatan, DateOnly date, CaseStatus status, string type = "fakir-miskin",
        string service = "bantuan-sosial", VerificationState state = VerificationState.Verified)
    {
        for (var i = 0; i < count; i++)
            db.Cases.Add(new PpksCase
            {
                TypeCode = type, Name = $"Warga {i}", Sex = Sex.Perempuan, Age = 40, Kabupaten = kabupaten, Kecamatan = kecamatan,
                Desa = "Desa Uji", Description = "uji", ServiceCode = service, Status = status, ReportedOn = date,
                CreatedAt = Instant(date), UpdatedAt = Instant(date), Verification = Checked(state),
                VerifiedStatus = state == VerificationState.Verified ? status : null,
                VerifiedServiceCode = state == VerificationState.Verified ? service : null,
            });
    }

    public static void Aid(CaseBotDbContext db, DisasterEvent e, string item, int recipients, RecipientUnit unit, DateOnly date,
        VerificationState state = VerificationState.Verified) =>
        db.Aid.Add(new AidDistribution
        {
            Event = e, Kabupaten = e.Kabupaten, Kecamatan = e.Kecamatan, ItemCode = item, Quantity = recipients, Unit = "paket", Recipients = recipients, RecipientUnit = unit,
            Place = "Posko", Date = date, CreatedAt = Instant(date), Verification = Checked(state),
        });

    private static DateTimeOffset Instant(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
}
