using System.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Conversations;

/// <summary>
/// What a user sends, made safe to store and echo: valid UTF-16 (a lone surrogate becomes U+FFFD; PostgreSQL's
/// UTF-8 refuses it) and no control characters but line breaks and tabs (PostgreSQL text cannot hold NUL, and
/// terminal escapes have no business in a report).
/// </summary>
public static class InboundText
{
    public static IncomingMessage Clean(IncomingMessage m) =>
        NeedsCleaning(m.Text) || NeedsCleaning(m.ButtonData) || NeedsCleaning(m.DisplayName)
            ? m with { Text = Clean(m.Text), ButtonData = Clean(m.ButtonData), DisplayName = Clean(m.DisplayName) }
            : m;

    public static string? Clean(string? s)
    {
        if (!NeedsCleaning(s)) return s;
        var sb = new StringBuilder(s!.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); continue; }
            if (char.IsSurrogate(c)) sb.Append('\uFFFD');
            else if (!IsUnwantedControl(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool NeedsCleaning(string? s)
    {
        if (s is null) return false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (IsUnwantedControl(c)) return true;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return true;
        }
        return false;
    }

    private static bool IsUnwantedControl(char c) => char.IsControl(c) && c is not ('\n' or '\t' or '\r');
}
