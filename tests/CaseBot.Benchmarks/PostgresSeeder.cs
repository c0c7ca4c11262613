using CaseBot.Domain.Configuration;
using Npgsql;
using NpgsqlTypes;

namespace CaseBot.Benchmarks;

/// <summary>
/// Writes <see cref="CapaianSeed"/>'s reports into PostgreSQL with binary COPY, a table at a time (one COPY per
/// connection at once; events before the reports and aid that point at them), each pass generating the same rows.
/// </summary>
internal static class PostgresSeeder
{
    private const string Counts = "\"Counts_Meninggal\", \"Counts_Hilang\", \"Counts_Luka\", \"Counts_Mengungsi\", \"Counts_TerdampakJiwa\", \"Counts_TerdampakKk\", \"Counts_Tertangani\"";

    public static async Task SeedAsync(string connectionString, int total, RegionCatalog regions)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecAsync(connection, """
            INSERT INTO "Reporters" ("Name", "Role", "Kabupaten", "Kecamatan", "Status", "IsAdmin", "RegisteredAt") VALUES
              ('Admin Provinsi', 'Petugas', 'Mamuju', NULL, 'Approved', TRUE, 0),
              ('Kasi Mamuju', 'Petugas', 'Mamuju', NULL, 'Approved', FALSE, 0);
            INSERT INTO "Identities" ("Channel", "ExternalUserId", "ChatId", "ReporterId") VALUES ('bench', '1', '1', 1), ('bench', '2', '2', 2);
            """);
        IEnumerable<SeededReport> Of(int kind) => CapaianSeed.Reports(total, regions).Where(r => r.Kind == kind);

        await CopyAsync(connection, $"\"Events\" (\"Id\", \"KindCode\", \"Kabupaten\", \"Kecamatan\", \"Desa\", \"EventDate\", \"ReporterId\", \"CreatedAt\", \"UpdatedAt\", \"Closed\", {Counts})",
            Of(0), async (w, r) =>
            {
                await w.WriteAsync(r.EventId, NpgsqlDbType.Integer);
                foreach (var text in new[] { "banjir", r.Kabupaten, r.Kecamatan, "Desa" }) await w.WriteAsync(text, NpgsqlDbType.Text);
                await w.WriteAsync(r.Date, NpgsqlDbType.Date);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                await w.WriteAsync(r.At, NpgsqlDbType.Bigint);
                await w.WriteAsync(r.At, NpgsqlDbType.Bigint);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await WriteCountsAsync(w, r);
            });
        // Ids were given: the next event the bot adds must not collide.
        await ExecAsync(connection, """SELECT setval(pg_get_serial_sequence('"Events"', 'Id'), (SELECT MAX("Id") FROM "Events"))""");
        await CopyAsync(connection, $"\"DisasterReports\" (\"EventId\", \"ReporterId\", \"ReportedAt\", \"IsUpdate\", \"Verification_State\", {Counts})",
            Of(0), async (w, r) =>
            {
                await w.WriteAsync(r.EventId, NpgsqlDbType.Integer);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                await w.WriteAsync(r.At, NpgsqlDbType.Bigint);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(r.State, NpgsqlDbType.Text);
                await WriteCountsAsync(w, r);
            });
        await CopyAsync(connection, "\"Aid\" (\"EventId\", \"Kabupaten\", \"Kecamatan\", \"ItemCode\", \"Quantity\", \"Unit\", \"Recipients\", \"RecipientUnit\", " +
                                    "\"Place\", \"Date\", \"ReporterId\", \"CreatedAt\", \"Verification_State\")",
            Of(1), async (w, r) =>
            {
                await w.WriteAsync(r.EventId, NpgsqlDbType.Integer);
                foreach (var text in new[] { r.Kabupaten, r.Kecamatan, r.Item }) await w.WriteAsync(text, NpgsqlDbType.Text);
                await w.WriteAsync(10.0, NpgsqlDbType.Double);
                await w.WriteAsync("paket", NpgsqlDbType.Text);
                await w.WriteAsync(r.Recipients, NpgsqlDbType.Integer);
                foreach (var text in new[] { r.Unit, "Posko" }) await w.WriteAsync(text, NpgsqlDbType.Text);
                await w.WriteAsync(r.Date, NpgsqlDbType.Date);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                await w.WriteAsync(r.At, NpgsqlDbType.Bigint);
                await w.WriteAsync(r.State, NpgsqlDbType.Text);
            });
        await CopyAsync(connection, "\"Cases\" (\"TypeCode\", \"Name\", \"Sex\", \"Age\", \"Kabupaten\", \"Kecamatan\", \"Desa\", \"Description\", \"ServiceCode\", " +
                                    "\"Status\", \"ReporterId\", \"ReportedOn\", \"CreatedAt\", \"UpdatedAt\", \"Verification_State\", \"VerifiedStatus\", \"VerifiedServiceCode\")",
            Of(2), async (w, r) =>
            {
                foreach (var text in new[] { r.Type, "Warga", "Perempuan" }) await w.WriteAsync(text, NpgsqlDbType.Text);
                await w.WriteAsync(40, NpgsqlDbType.Integer);
                foreach (var text in new[] { r.Kabupaten, r.Kecamatan, "Desa", "-", "bantuan-sosial", r.Status }) await w.WriteAsync(text, NpgsqlDbType.Text);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                await w.WriteAsync(r.Date, NpgsqlDbType.Date);
                await w.WriteAsync(r.At, NpgsqlDbType.Bigint);
                await w.WriteAsync(r.At, NpgsqlDbType.Bigint);
                await w.WriteAsync(r.State, NpgsqlDbType.Text);
                var verified = r.State == "Verified"; // as an officer's verification copies the status and service
                foreach (var text in new[] { verified ? r.Status : null, verified ? "bantuan-sosial" : null })
                    if (text is null) await w.WriteNullAsync();
                    else await w.WriteAsync(text, NpgsqlDbType.Text);
            });
        await ExecAsync(connection, "ANALYZE");
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, IEnumerable<SeededReport> rows, Func<NpgsqlBinaryImporter, SeededReport, Task> write)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await copy.StartRowAsync();
            await write(copy, row);
        }
        await copy.CompleteAsync();
    }

    /// <summary>Meninggal, Hilang, Luka, Mengungsi, TerdampakJiwa, TerdampakKk, Tertangani, as the SQLite seeding writes them.</summary>
    private static async Task WriteCountsAsync(NpgsqlBinaryImporter w, SeededReport r)
    {
        foreach (var count in new[] { 0, 0, 1, r.Victims / 3, r.Victims, r.Victims / 4, r.Handled }) await w.WriteAsync(count, NpgsqlDbType.Integer);
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0; // ANALYZE of ten million rows
        await command.ExecuteNonQueryAsync();
    }
}
