using CaseBot.Domain.Entities;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseBot.Tests.FourthKind;

/// <summary>
/// A fourth report kind, not shipped: a TKSK's home visits (kunjungan rumah) in a desa. It exists to show that a new
/// kind is its entity and migration (this file) plus its flow (HomeVisitFlow.cs), and nothing in src/.
/// </summary>
public sealed class HomeVisit
{
    public const string Prefix = "KJ";
    public int Id { get; set; }
    public string Number => ReportNumber.Format(Prefix, Date.Year, Id);
    public required string Kabupaten { get; set; }
    public required string Kecamatan { get; set; }
    public required string Desa { get; set; }
    public int Households { get; set; }
    public DateOnly Date { get; set; }
    public int ReporterId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class HomeVisitModel : IStorageModel
{
    public void Configure(ModelBuilder builder) => builder.Entity<HomeVisit>(e =>
    {
        e.ToTable("HomeVisits");
        e.Ignore(x => x.Number);
        e.HasIndex(x => x.ReporterId);
    });
}

/// <summary>The kind's migration (SQLite), applied after the shipped ones.</summary>
public sealed class AddHomeVisits : Migration
{
    protected override void Up(MigrationBuilder b)
    {
        b.CreateTable("HomeVisits", t => new
        {
            Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
            Kabupaten = t.Column<string>(type: "TEXT", nullable: false),
            Kecamatan = t.Column<string>(type: "TEXT", nullable: false),
            Desa = t.Column<string>(type: "TEXT", nullable: false),
            Households = t.Column<int>(type: "INTEGER", nullable: false),
            Date = t.Column<DateOnly>(type: "TEXT", nullable: false),
            ReporterId = t.Column<int>(type: "INTEGER", nullable: false),
            CreatedAt = t.Column<long>(type: "INTEGER", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_HomeVisits", x => x.Id));
        b.CreateIndex("IX_HomeVisits_ReporterId", "HomeVisits", "ReporterId");
    }

    public static async Task ApplyAsync(CaseBotDbContext db)
    {
        var sql = db.GetService<IMigrationsSqlGenerator>().Generate(new AddHomeVisits().UpOperations, db.Model);
        foreach (var command in sql) await db.Database.ExecuteSqlRawAsync(command.CommandText);
    }
}
