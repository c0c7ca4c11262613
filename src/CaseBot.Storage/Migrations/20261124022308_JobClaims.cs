using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class JobClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JobClaims",
                columns: table => new
                {
                    Job = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Occurrence = table.Column<long>(type: "INTEGER", nullable: false),
                    Instance = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobClaims", x => new { x.Job, x.Occurrence });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobClaims");
        }
    }
}
