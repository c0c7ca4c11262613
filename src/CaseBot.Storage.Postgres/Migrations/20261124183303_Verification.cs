using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseBot.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Verification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DisasterReports_EventId",
                table: "DisasterReports");

            migrationBuilder.AddColumn<long>(
                name: "Verification_At",
                table: "DisasterReports",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Verification_ByReporterId",
                table: "DisasterReports",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification_Reason",
                table: "DisasterReports",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification_State",
                table: "DisasterReports",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<long>(
                name: "Verification_At",
                table: "Cases",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Verification_ByReporterId",
                table: "Cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification_Reason",
                table: "Cases",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification_State",
                table: "Cases",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<string>(
                name: "VerifiedServiceCode",
                table: "Cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedStatus",
                table: "Cases",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Verification_At",
                table: "Aid",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Verification_ByReporterId",
                table: "Aid",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification_Reason",
                table: "Aid",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification_State",
                table: "Aid",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.CreateIndex(
                name: "IX_DisasterReports_EventId_Id",
                table: "DisasterReports",
                columns: new[] { "EventId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DisasterReports_EventId_Id",
                table: "DisasterReports");

            migrationBuilder.DropColumn(
                name: "Verification_At",
                table: "DisasterReports");

            migrationBuilder.DropColumn(
                name: "Verification_ByReporterId",
                table: "DisasterReports");

            migrationBuilder.DropColumn(
                name: "Verification_Reason",
                table: "DisasterReports");

            migrationBuilder.DropColumn(
                name: "Verification_State",
                table: "DisasterReports");

            migrationBuilder.DropColumn(
                name: "Verification_At",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Verification_ByReporterId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Verification_Reason",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Verification_State",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "VerifiedServiceCode",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "VerifiedStatus",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Verification_At",
                table: "Aid");

            migrationBuilder.DropColumn(
                name: "Verification_ByReporterId",
                table: "Aid");

            migrationBuilder.DropColumn(
                name: "Verification_Reason",
                table: "Aid");

            migrationBuilder.DropColumn(
                name: "Verification_State",
                table: "Aid");

            migrationBuilder.CreateIndex(
                name: "IX_DisasterReports_EventId",
                table: "DisasterReports",
                column: "EventId");
        }
    }
}
