using CaseBot.Domain.Configuration;
using CaseBot.Storage;
using Microsoft.Data.Sqlite;

namespace CaseBot.Benchmarks;

/// <summary>
/// Writes <see cref="CapaianSeed"/>'s reports into SQLite: raw prepared inserts in transactions of a million rows.
/// (Multi-row INSERT ... VALUES of 20 or 200 rows was tried and is slower here: 5.5-6.3 s per 300,000 reports against
/// 4.7 s, since Microsoft.Data.Sqlite binds each parameter by name; indexes dominate the rest.)
/// </summary>
internal static class SqliteSeeder
{
    public static async Task SeedAsync(string database, int total, RegionCatalog regions)
    {
        await using var connection = new SqliteConnection(StorageSetup.SqliteConnectionString(database));
        await connection.OpenAsync();
        var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await Exec(connection, tx, """
            INSERT INTO Reporters (Name, Role, Kabupaten, Kecamatan, Status, IsAdmin, RegisteredAt) VALUES
              ('Admin Provinsi', 'Petugas', 'Mamuju', NULL, 'Approved', 1, 0),
              ('Kasi Mamuju', 'Petugas', 'Mamuju', NULL, 'Approved', 0, 0);
            INSERT INTO Identities (Channel, ExternalUserId, ChatId, ReporterId) VALUES ('bench', '1', '1', 1), ('bench', '2', '2', 2);
            """);
        // The event's id is its order (1, 2, ...), as the aid's EventId assumes: rowids of a new table.
        var events = Command(connection, tx, """
            INSERT INTO Events (KindCode, Kabupaten, Kecamatan, Desa, EventDate, ReporterId, CreatedAt, UpdatedAt, Closed,
              Counts_Meninggal, Counts_Hilang, Counts_Luka, Counts_Mengungsi, Counts_TerdampakJiwa, Counts_TerdampakKk, Counts_Tertangani)
            VALUES ('banjir', $kab, $kec, 'Desa', $date, 1, $at, $at, 0, 0, 0, 1, $m, $t, $kk, $h);
            INSERT INTO DisasterReports (EventId, ReporterId, ReportedAt, IsUpdate, Verification_State,
              Counts_Meninggal, Counts_Hilang, Counts_Luka, Counts_Mengungsi, Counts_TerdampakJiwa, Counts_TerdampakKk, Counts_Tertangani)
            VALUES (last_insert_rowid(), 1, $at, 0, $state, 0, 0, 1, $m, $t, $kk, $h)
            """, "$kab", "$kec", "$date", "$at", "$m", "$t", "$kk", "$h", "$state");
        var aid = Command(connection, tx, """
            INSERT INTO Aid (EventId, Kabupaten, Kecamatan, ItemCode, Quantity, Unit, Recipients, RecipientUnit, Place, Date, ReporterId, CreatedAt,
              Verification_State)
            VALUES ($event, $kab, $kec, $item, 10, 'paket', $n, $unit, 'Posko', $date, 1, $at, $state)
            """, "$event", "$kab", "$kec", "$item", "$n", "$unit", "$date", "$at", "$state");
        var cases = Command(connection, tx, """
            INSERT INTO Cases (TypeCode, Name, Sex, Age, Kabupaten, Kecamatan, Desa, Description, ServiceCode, Status, ReporterId,
              ReportedOn, CreatedAt, UpdatedAt, Verification_State, VerifiedStatus, VerifiedServiceCode)
            VALUES ($type, 'Warga', 'Perempuan', 40, $kab, $kec, 'Desa', '-', 'bantuan-sosial', $status, 1, $date, $at, $at, $state,
              CASE WHEN $state = 'Verified' THEN $status END, CASE WHEN $state = 'Verified' THEN 'bantuan-sosial' END)
            """, "$type", "$kab", "$kec", "$status", "$date", "$at", "$state");
        foreach (var r in CapaianSeed.Reports(total, regions))
        {
            if (r.Index > 0 && r.Index % 1_000_000 == 0)
            {   // big transactions, not one of 10 GB of WAL
                await tx.CommitAsync();
                await tx.DisposeAsync();
                tx = (SqliteTransaction)await connection.BeginTransactionAsync();
                events.Transaction = aid.Transaction = cases.Transaction = tx;
                Console.Write($"\rseeding: {r.Index:N0} of {total:N0}");
            }
            if (r.Kind == 0) Run(events, r.Kabupaten, r.Kecamatan, r.Day, r.At, r.Victims / 3, r.Victims, r.Victims / 4, r.Handled, r.State);
            else if (r.Kind == 1) Run(aid, r.EventId, r.Kabupaten, r.Kecamatan, r.Item, r.Recipients, r.Unit, r.Day, r.At, r.State);
            else Run(cases, r.Type, r.Kabupaten, r.Kecamatan, r.Status, r.Day, r.At, r.State);
        }
        await tx.CommitAsync();
        await tx.DisposeAsync();
        if (total > 1_000_000) Console.WriteLine();
        await Exec(connection, null, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private static async Task Exec(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
