namespace CaseBot.Storage;

/// <summary>
/// The database and its backups hold full NIKs: files are the owner's alone (0600) in folders only the owner may
/// enter (0700). SQLite gives its -wal and -shm files the mode of the database file, so creating that one right is
/// enough. POSIX only; on Windows the folder's ACL decides.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Folder0700 = File0600 | UnixFileMode.UserExecute;

    /// <summary>Creates a missing folder 0700. An existing folder is left as it is: it may be shared (the working directory).</summary>
    public static void Folder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else if (!Directory.Exists(path)) Directory.CreateDirectory(path, Folder0700);
    }

    /// <summary>Creates the file empty and 0600 before SQLite opens it (SQLite would create it 0644), or tightens one an
    /// older version left readable by others.</summary>
    public static void File(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        // OpenOrCreate: another process starting at the same moment may have just created it.
        if (!System.IO.File.Exists(path))
            new FileStream(path, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, UnixCreateMode = File0600 }).Dispose();
        if ((System.IO.File.GetUnixFileMode(path) & ~File0600) != 0) System.IO.File.SetUnixFileMode(path, File0600);
    }
}
