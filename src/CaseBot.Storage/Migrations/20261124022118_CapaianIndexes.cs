using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CapaianIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Covers the capaian sums over victims for a kabupaten or province and a period (EF cannot index complex-type columns).
            migrationBuilder.Sql("CREATE INDEX \"IX_Events_Capaian\" ON \"Events\" (\"Kabupaten\", \"EventDate\", \"Kecamatan\", " +
                "\"Counts_Tertangani\", \"Counts_TerdampakJiwa\", \"Counts_Meninggal\", \"Counts_Hilang\");");

            migrationBuilder.DropIndex(
                name: "IX_Aid_Date",
                table: "Aid");

            migrationBuilder.AddColumn<string>(
                name: "Kabupaten",
                table: "Aid",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Kecamatan",
                table: "Aid",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Kabupaten_ReportedOn_Kecamatan_TypeCode_Status",
                table: "Cases",
                columns: new[] { "Kabupaten", "ReportedOn", "Kecamatan", "TypeCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Aid_Kabupaten_Date_Kecamatan_ItemCode_RecipientUnit_Recipients",
                table: "Aid",
                columns: new[] { "Kabupaten", "Date", "Kecamatan", "ItemCode", "RecipientUnit", "Recipients" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Events_Capaian\";");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Kabupaten_ReportedOn_Kecamatan_TypeCode_Status",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Aid_Kabupaten_Date_Kecamatan_ItemCode_RecipientUnit_Recipients",
                table: "Aid");

            migrationBuilder.DropColumn(
                name: "Kabupaten",
                table: "Aid");

            migrationBuilder.DropColumn(
                name: "Kecamatan",
                table: "Aid");

            migrationBuilder.CreateIndex(
                name: "IX_Aid_Date",
                table: "Aid",
                column: "Date");
        }
    }
}
