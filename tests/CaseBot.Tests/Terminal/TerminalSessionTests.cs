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
        Assert.Contains("Anda: terminal:1 (akun admin di konfigurasi)", output); // said, never silent
        Assert.Contains("Terdaftar sebagai Tagana dengan hak admin", output);
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

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string folder, string[] script) =>
        await CasebotProcess.RunAsync([], new Dictionary<string, string>
        {
            ["CaseBot__Storage__ConnectionString"] = $"Data Source={Path.Combine(folder, "casebot.db")}",
            ["CaseBot__ConfigDirectory"] = Path.Combine(AppContext.BaseDirectory, "config"),
        }, workingDirectory: folder, input: script);

    [Fact]
    public async Task A_restarted_terminal_shows_the_pending_question_before_anything_is_typed()
    {
        var folder = Directory.CreateTempSubdirectory("casebot-terminal-").FullName;
        var first = await RunAsync(folder, ["/daftar", "Andi Pelapor", "Tagana", "Luwu Timur", "Malili", "1", "/bencana", "Banjir"]);
        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        Assert.Contains("Di kecamatan mana?", first.Output);

        var second = await RunAsync(folder, ["Malili"]);
        var resumed = second.Output.IndexOf("Bot aktif kembali. Lanjutkan laporan bencana", StringComparison.Ordinal);
        Assert.True(resumed >= 0, second.Output);
        Assert.Contains("Di kecamatan mana?", second.Output[resumed..]);
        var answered = second.Output.IndexOf("Nama desa/kelurahan?", StringComparison.Ordinal);
        Assert.True(answered > resumed, second.Output); // shown first, then the answer typed after the restart moved on
    }

    [Fact]
    public async Task Each_terminal_user_reads_their_own_messages()
    {
        var folder = Directory.CreateTempSubdirectory("casebot-terminal-").FullName;
        var (exitCode, output, error) = await RunAsync(folder,
        [
            "/daftar", "Andi Admin", "Petugas Dinas", "Luwu Timur", "Seluruh kabupaten", "1",
            "/sebagai 2", "/daftar", "Budi Tagana", "Tagana", "Luwu Timur", "Wotu", "1",
            "/sebagai 1",
        ]);
        Assert.True(exitCode == 0, error + output);
        var asTwo = output[output.IndexOf("Anda: terminal:2", StringComparison.Ordinal)..output.LastIndexOf("Anda: terminal:1", StringComparison.Ordinal)];
        Assert.DoesNotContain("Pendaftaran baru", asTwo); // the admin's notice is not printed in user 2's session
        Assert.Contains("(1 pesan untuk terminal:1 menunggu; ketik /sebagai 1)", asTwo);
        var backAsOne = output[output.LastIndexOf("Anda: terminal:1", StringComparison.Ordinal)..];
        Assert.Contains("Pendaftaran baru", backAsOne);
        Assert.Contains("Budi Tagana, Tagana, Kec. Wotu", backAsOne);
    }

    /// <summary>Issue #12's findings, played in the terminal by a Tagana of Malili with short answers.</summary>
    public static readonly string[] FieldScript =
    [
        "/daftar", "Rahmat", "Tagana", "lutim", "Malili", "1",
        "/bencana", "Banjir", "Wotu", "Lampia", "1", "0 0 2 40 120 30 100", "1",
        "/logistik", "1", "beras", "50", "kg", "20", "KK", "1", "1", "1",
        "/ubah bc 1", "7", "120", "1",
        "/status 1",
        "asdfgh", "halo pak",
        "ada kebakaran di desa lampia wotu",
    ];

    [Fact]
    public async Task A_field_session_with_short_answers_gets_each_finding_right()
    {
        var folder = Directory.CreateTempSubdirectory("casebot-terminal-").FullName;
        var (exitCode, output, error) = await RunAsync(folder, FieldScript);
        Assert.True(exitCode == 0, error + output);
        Assert.Contains("Kabupaten: Luwu Timur", output);                        // lutim
        Assert.Contains("Laporan bencana tersimpan dengan nomor BC-", output);   // seven counts in one message
        Assert.Contains("(Wotu)", output[output.IndexOf("kejadian yang mana", StringComparison.Ordinal)..]); // another kecamatan's event offered
        Assert.Contains("Jenis bantuan: Sembako", output);                       // beras
        Assert.Contains("Tertangani: 100 → 120", output);                        // an update in four messages
        Assert.Contains("Nomor 1 ada di beberapa laporan Anda", output);         // /status 1
        Assert.Contains("Maaf, saya belum paham.", output);
        Assert.Contains("Dari pesan Anda: Jenis bencana: Kebakaran permukiman", output);
        Assert.DoesNotContain("Exception", output);
    }
}
