using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CapaianRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AidRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemCode = table.Column<string>(type: "TEXT", nullable: false),
                    RecipientUnit = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Recipients = table.Column<long>(type: "INTEGER", nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    Grain = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kabupaten = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Kecamatan = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidRollups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TypeCode = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", nullable: false),
                    VerifiedStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    VerifiedServiceCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Grain = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kabupaten = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Kecamatan = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseRollups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EventRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Handled = table.Column<long>(type: "INTEGER", nullable: false),
                    All = table.Column<long>(type: "INTEGER", nullable: false),
                    Events = table.Column<int>(type: "INTEGER", nullable: false),
                    VerifiedHandled = table.Column<long>(type: "INTEGER", nullable: false),
                    VerifiedAll = table.Column<long>(type: "INTEGER", nullable: false),
                    NewestVerified = table.Column<int>(type: "INTEGER", nullable: false),
                    Grain = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kabupaten = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Kecamatan = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRollups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RollupStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    BuiltAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupStates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AidRollups_Kabupaten_Kecamatan_Grain_Start_ItemCode_RecipientUnit_State",
                table: "AidRollups",
                columns: new[] { "Kabupaten", "Kecamatan", "Grain", "Start", "ItemCode", "RecipientUnit", "State" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseRollups_Kabupaten_Kecamatan_Grain_Start_TypeCode_Status_ServiceCode_VerifiedStatus_VerifiedServiceCode_State",
                table: "CaseRollups",
                columns: new[] { "Kabupaten", "Kecamatan", "Grain", "Start", "TypeCode", "Status", "ServiceCode", "VerifiedStatus", "VerifiedServiceCode", "State" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventRollups_Kabupaten_Kecamatan_Grain_Start",
                table: "EventRollups",
                columns: new[] { "Kabupaten", "Kecamatan", "Grain", "Start" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AidRollups");

            migrationBuilder.DropTable(
                name: "CaseRollups");

            migrationBuilder.DropTable(
                name: "EventRollups");

            migrationBuilder.DropTable(
                name: "RollupStates");
        }
    }
}
