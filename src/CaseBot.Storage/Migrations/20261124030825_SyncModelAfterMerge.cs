using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseBot.Storage.Migrations
{
    /// <summary>
    /// No schema change: JobClaims and the group/cursor/contact tables were added by migrations made on parallel
    /// branches; this one only brings the model snapshot up to date with both.
    /// </summary>
    public partial class SyncModelAfterMerge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
