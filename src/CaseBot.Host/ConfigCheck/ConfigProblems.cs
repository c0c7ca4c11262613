using System.Text.RegularExpressions;

namespace CaseBot.Host.ConfigCheck;

/// <summary>One mistake in config/: the file, where in it (a JSON path, or a line for syntax errors), and what is wrong, in Indonesian.</summary>
public sealed record ConfigProblem(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}

/// <summary>The bot refuses to start: every problem found, one a line.</summary>
public sealed class InvalidConfigException(IReadOnlyList<ConfigProblem> problems)
    : Exception("Konfigurasi tidak valid, CaseBot tidak dijalankan:\n" + string.Join('\n', problems))
{
    public IReadOnlyList<ConfigProblem> Problems { get; } = problems;
}

/// <summary>Collects the problems of one file, with JSON paths built as the checks walk it.</summary>
public sealed partial class FileProblems(string file, List<ConfigProblem> all)
{
    public string File { get; } = file;

    public void Add(string path, string message) => all.Add(new ConfigProblem(File, path, message));

    /// <summary>$.A.B for plain names, $.A['bahan pokok'] for keys that are not.</summary>
    public static string Member(string path, string name) =>
        PlainName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'")}']";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex PlainName();
}
