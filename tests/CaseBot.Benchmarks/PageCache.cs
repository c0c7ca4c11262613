using System.Runtime.InteropServices;

namespace CaseBot.Benchmarks;

/// <summary>Drops a file's pages from the OS page cache (Linux posix_fadvise DONTNEED; no root needed), for cold reads.</summary>
public static class PageCache
{
    private const int DontNeed = 4; // POSIX_FADV_DONTNEED

    [DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int PosixFadvise(nint fd, long offset, long length, int advice);

    public static void Evict(string path)
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("page cache eviction is Linux only");
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        file.Flush(flushToDisk: true); // only clean pages can be dropped
        var result = PosixFadvise(file.SafeFileHandle.DangerousGetHandle(), 0, 0, DontNeed);
        if (result != 0) throw new IOException($"posix_fadvise failed: {result}");
    }
}
