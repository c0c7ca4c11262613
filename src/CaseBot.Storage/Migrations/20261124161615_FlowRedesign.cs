using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class FlowRedesign : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Kabupaten_ReportedOn_Kecamatan_TypeCode_Status",
                table: "Cases");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DraftVersion",
                table: "Conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoCaseId",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "PossibleDuplicates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedByReporterId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PossibleDuplicates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PossibleDuplicates_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PossibleDuplicates_Cases_OtherCaseId",
                        column: x => x.OtherCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Kabupaten_ReportedOn_Kecamatan_TypeCode_Status_MergedIntoCaseId",
                table: "Cases",
                columns: new[] { "Kabupaten", "ReportedOn", "Kecamatan", "TypeCode", "Status", "MergedIntoCaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_PossibleDuplicates_CaseId",
                table: "PossibleDuplicates",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PossibleDuplicates_OtherCaseId",
                table: "PossibleDuplicates",
                column: "OtherCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PossibleDuplicates_Status",
                table: "PossibleDuplicates",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PossibleDuplicates");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Kabupaten_ReportedOn_Kecamatan_TypeCode_Status_MergedIntoCaseId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "DraftVersion",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "MergedIntoCaseId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Kabupaten_ReportedOn_Kecamatan_TypeCode_Status",
                table: "Cases",
                columns: new[] { "Kabupaten", "ReportedOn", "Kecamatan", "TypeCode", "Status" });
        }
    }
}
