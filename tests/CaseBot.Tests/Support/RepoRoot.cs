namespace CaseBot.Tests.Support;

/// <summary>The checkout the tests were built from (the folder with CaseBot.sln), for checks of files kept in the repo.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CaseBot.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No CaseBot.sln above {AppContext.BaseDirectory}.");
    }
}
