using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class VerifiedCapaianIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The capaian sums also read verification columns: covering indexes keep them off the tables (EF cannot index
            // complex-type columns, so they are written here; the other provider's migration has the same).
            migrationBuilder.Sql("CREATE INDEX \"IX_Cases_CapaianVerified\" ON \"Cases\" (\"Kabupaten\", \"ReportedOn\", \"Kecamatan\", " +
                "\"TypeCode\", \"Status\", \"ServiceCode\", \"VerifiedStatus\", \"VerifiedServiceCode\", \"Verification_State\", \"MergedIntoCaseId\");");
            migrationBuilder.Sql("CREATE INDEX \"IX_Aid_CapaianVerified\" ON \"Aid\" (\"Kabupaten\", \"Date\", \"Kecamatan\", " +
                "\"ItemCode\", \"RecipientUnit\", \"Verification_State\", \"Recipients\");");
            migrationBuilder.Sql("CREATE INDEX \"IX_DisasterReports_Verified\" ON \"DisasterReports\" (\"EventId\", \"Verification_State\", \"Id\", " +
                "\"Counts_Tertangani\", \"Counts_TerdampakJiwa\", \"Counts_Meninggal\", \"Counts_Hilang\");");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Cases_CapaianVerified\";");
            migrationBuilder.Sql("DROP INDEX \"IX_Aid_CapaianVerified\";");
            migrationBuilder.Sql("DROP INDEX \"IX_DisasterReports_Verified\";");

        }
    }
}
