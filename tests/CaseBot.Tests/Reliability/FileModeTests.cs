using CaseBot.Storage.Backup;
using CaseBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Tests.Reliability;

/// <summary>The SQLite file holds full NIKs: it, its WAL and its backups are the owner's alone (0600 in a 0700 folder).</summary>
public sealed class FileModeTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task The_database_its_folder_and_backups_are_readable_by_the_owner_only()
    {
        if (OperatingSystem.IsWindows()) return; // POSIX modes only
        var root = Directory.CreateTempSubdirectory("casebot-modes-").FullName;
        File.SetUnixFileMode(root, OwnerFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var data = Path.Combine(root, "data");
        var backups = Path.Combine(data, "backups");
        await using var bot = await BotHarness.StartAsync(root, null,
            $"--CaseBot:Storage:ConnectionString=Data Source={Path.Combine(data, "casebot.db")}", $"--CaseBot:Storage:Backup:Folder={backups}");
        await Scenario.RegisterAdminAsync(bot); // writes, so the WAL exists

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(data));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(data, "casebot.db")));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(data, "casebot.db-wal")));

        var file = await bot.Services.GetRequiredService<SqliteBackup>().RunAsync(bot.Clock.GetUtcNow(), TimeZoneInfo.Utc);
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(backups));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task A_database_left_world_readable_by_an_older_version_is_tightened_at_start()
    {
        if (OperatingSystem.IsWindows()) return;
        var old = await BotHarness.StartAsync();
        var path = Path.Combine(old.Folder, "casebot.db");
        File.SetUnixFileMode(path, OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using var bot = await old.RestartAsync();
        await Scenario.RegisterAdminAsync(bot);
        Assert.Equal(OwnerFile, File.GetUnixFileMode(path));
    }
}
