using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SilenceNudgedAt",
                table: "Reporters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClosedByReporterId",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StaleAskedAt",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemindedAt",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SilenceNudgedAt",
                table: "Reporters");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ClosedByReporterId",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "StaleAskedAt",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "RemindedAt",
                table: "Conversations");
        }
    }
}
