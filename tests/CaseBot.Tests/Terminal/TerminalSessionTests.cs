using CaseBot.Storage;
using CaseBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CaseBot.Tests.Terminal;

/// <summary>The real `casebot` program with a script piped to its standard input, as the README's first command runs it.</summary>
public sealed class TerminalSessionTests
{
    private static readonly string[] Script =
    [
        "/start",
        "/daftar", "Andi Pelapor", "Tagana", "Luwu Timur", "Malili", "1",
        "/bencana", "Banjir", "Malili", "Puncak Indah", "hari ini", "0", "0", "2", "40", "120", "30", "100", "1",
        "/logistik", "1", "Permakanan", "300", "porsi", "100", "Orang", "Posko Puncak Indah", "hari ini", "1",
        "/ppks", "Lanjut usia terlantar", "Hasnah", "lewati", "Malili", "Baruga", "Perempuan", "72", "Tinggal sendiri",
        "Permakanan", "baru", "1",
        "/laporanku",
    ];

    [Fact]
    public async Task A_piped_session_registers_reports_one_of_each_kind_and_lists_them()
    {
        var folder = Directory.CreateTempSubdirectory("casebot-terminal-").FullName;
        var database = Path.Combine(folder, "casebot.db");
        var (exitCode, output, error) = await CasebotProcess.RunAsync([], new Dictionary<string, string>
        {
            ["CaseBot__Storage__ConnectionString"] = $"Data Source={database}",
            ["CaseBot__ConfigDirectory"] = Path.Combine(AppContext.BaseDirectory, "config"),
        }, workingDirectory: folder, input: Script);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}\n{output}");
        Assert.Contains("Terdaftar sebagai admin", output); // terminal:1 is the configured admin
        Assert.Contains("BC-", output);
        Assert.Contains("Laporan logistik tersimpan dengan nomor LG-", output);
        Assert.Contains("Kasus PPKS tersimpan dengan nomor PK-", output);
        var list = output[output.LastIndexOf("Laporan terakhir Anda", StringComparison.Ordinal)..];
        Assert.Contains(": Banjir, Puncak Indah", list);
        Assert.Contains(": Permakanan, 300 porsi", list);
        Assert.Contains(": Lanjut usia terlantar, Baru", list);
        Assert.DoesNotContain("Exception", output);

        await using var connection = new SqliteConnection(StorageSetup.SqliteConnectionString(database));
        await connection.OpenAsync();
        foreach (var table in new[] { "Events", "Aid", "Cases", "Reporters" })
        {
            var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
        }
    }
}
