using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CaseBot.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    Field = table.Column<string>(type: "text", nullable: false),
                    OldValue = table.Column<string>(type: "text", nullable: true),
                    NewValue = table.Column<string>(type: "text", nullable: true),
                    ByReporterId = table.Column<int>(type: "integer", nullable: true),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TypeCode = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Sex = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Age = table.Column<int>(type: "integer", nullable: false),
                    Kabupaten = table.Column<string>(type: "text", nullable: false),
                    Kecamatan = table.Column<string>(type: "text", nullable: false),
                    Desa = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    ServiceCode = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ReporterId = table.Column<int>(type: "integer", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    HandledAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "text", nullable: false),
                    ChatId = table.Column<string>(type: "text", nullable: false),
                    LastInboundAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => new { x.Channel, x.ChatId });
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    UserKey = table.Column<string>(type: "text", nullable: false),
                    Flow = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    DataJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.UserKey);
                });

            migrationBuilder.CreateTable(
                name: "Cursors",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "text", nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cursors", x => x.Channel);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KindCode = table.Column<string>(type: "text", nullable: false),
                    Kabupaten = table.Column<string>(type: "text", nullable: false),
                    Kecamatan = table.Column<string>(type: "text", nullable: false),
                    Desa = table.Column<string>(type: "text", nullable: false),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReporterId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    Counts_Hilang = table.Column<int>(type: "integer", nullable: false),
                    Counts_Luka = table.Column<int>(type: "integer", nullable: false),
                    Counts_Mengungsi = table.Column<int>(type: "integer", nullable: false),
                    Counts_Meninggal = table.Column<int>(type: "integer", nullable: false),
                    Counts_TerdampakJiwa = table.Column<int>(type: "integer", nullable: false),
                    Counts_TerdampakKk = table.Column<int>(type: "integer", nullable: false),
                    Counts_Tertangani = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Groups",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "text", nullable: false),
                    ChatId = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: true),
                    Area = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SendTime = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    TimeZone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LastSentDay = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredBy = table.Column<int>(type: "integer", nullable: true),
                    RegisteredAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Groups", x => new { x.Channel, x.ChatId });
                });

            migrationBuilder.CreateTable(
                name: "JobClaims",
                columns: table => new
                {
                    Job = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Occurrence = table.Column<long>(type: "bigint", nullable: false),
                    Instance = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ClaimedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobClaims", x => new { x.Job, x.Occurrence });
                });

            migrationBuilder.CreateTable(
                name: "ProcessedMessages",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "text", nullable: false),
                    MessageId = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedMessages", x => new { x.Channel, x.MessageId });
                });

            migrationBuilder.CreateTable(
                name: "Reporters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Role = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Kabupaten = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Kecamatan = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    IsAdmin = table.Column<bool>(type: "boolean", nullable: false),
                    RegisteredAt = table.Column<long>(type: "bigint", nullable: false),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reporters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Aid",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    Kabupaten = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Kecamatan = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ItemCode = table.Column<string>(type: "text", nullable: false),
                    Quantity = table.Column<double>(type: "double precision", nullable: false),
                    Unit = table.Column<string>(type: "text", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    RecipientUnit = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Place = table.Column<string>(type: "text", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    PhotoFileId = table.Column<string>(type: "text", nullable: true),
                    ReporterId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Aid", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Aid_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisasterReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    ReporterId = table.Column<int>(type: "integer", nullable: false),
                    ReportedAt = table.Column<long>(type: "bigint", nullable: false),
                    IsUpdate = table.Column<bool>(type: "boolean", nullable: false),
                    Counts_Hilang = table.Column<int>(type: "integer", nullable: false),
                    Counts_Luka = table.Column<int>(type: "integer", nullable: false),
                    Counts_Mengungsi = table.Column<int>(type: "integer", nullable: false),
                    Counts_Meninggal = table.Column<int>(type: "integer", nullable: false),
                    Counts_TerdampakJiwa = table.Column<int>(type: "integer", nullable: false),
                    Counts_TerdampakKk = table.Column<int>(type: "integer", nullable: false),
                    Counts_Tertangani = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisasterReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisasterReports_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Identities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExternalUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChatId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReporterId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Identities_Reporters_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "Reporters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Aid_EventId",
                table: "Aid",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Aid_Kabupaten_Date_Kecamatan_ItemCode_RecipientUnit_Recipie~",
                table: "Aid",
                columns: new[] { "Kabupaten", "Date", "Kecamatan", "ItemCode", "RecipientUnit", "Recipients" });

            migrationBuilder.CreateIndex(
                name: "IX_Aid_ReporterId",
                table: "Aid",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_Audit_Subject",
                table: "Audit",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Kabupaten_ReportedOn_Kecamatan_TypeCode_Status",
                table: "Cases",
                columns: new[] { "Kabupaten", "ReportedOn", "Kecamatan", "TypeCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Kecamatan_Desa",
                table: "Cases",
                columns: new[] { "Kecamatan", "Desa" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Nik",
                table: "Cases",
                column: "Nik");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReportedOn",
                table: "Cases",
                column: "ReportedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReporterId",
                table: "Cases",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_DisasterReports_EventId",
                table: "DisasterReports",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_DisasterReports_ReporterId",
                table: "DisasterReports",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_EventDate",
                table: "Events",
                column: "EventDate");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Kabupaten_Kecamatan_EventDate",
                table: "Events",
                columns: new[] { "Kabupaten", "Kecamatan", "EventDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Identities_Channel_ExternalUserId",
                table: "Identities",
                columns: new[] { "Channel", "ExternalUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Identities_ReporterId",
                table: "Identities",
                column: "ReporterId");

            // Covers the capaian sums over victims (EF cannot index complex-type columns); the same index as SQLite's.
            migrationBuilder.Sql("CREATE INDEX \"IX_Events_Capaian\" ON \"Events\" (\"Kabupaten\", \"EventDate\", \"Kecamatan\", " +
                "\"Counts_Tertangani\", \"Counts_TerdampakJiwa\", \"Counts_Meninggal\", \"Counts_Hilang\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Aid");

            migrationBuilder.DropTable(
                name: "Audit");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropTable(
                name: "Cursors");

            migrationBuilder.DropTable(
                name: "DisasterReports");

            migrationBuilder.DropTable(
                name: "Groups");

            migrationBuilder.DropTable(
                name: "Identities");

            migrationBuilder.DropTable(
                name: "JobClaims");

            migrationBuilder.DropTable(
                name: "ProcessedMessages");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "Reporters");
        }
    }
}
