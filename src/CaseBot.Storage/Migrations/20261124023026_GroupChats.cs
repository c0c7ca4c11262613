using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class GroupChats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Groups",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    Area = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SendTime = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LastSentDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegisteredBy = table.Column<int>(type: "INTEGER", nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Groups", x => new { x.Channel, x.ChatId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Groups");
        }
    }
}
