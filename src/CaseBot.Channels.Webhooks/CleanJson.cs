using System.Text;
using System.Text.RegularExpressions;

namespace CaseBot.Channels.Webhooks;

/// <summary>
/// Webhook JSON as text with broken Unicode mended before parsing: invalid UTF-8 bytes and escaped surrogates
/// without their pair ("\ud800") become U+FFFD. System.Text.Json accepts a lone escaped surrogate while parsing and
/// throws only when the string is read, deep inside the handling of one message.
/// </summary>
public static partial class CleanJson
{
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static string Decode(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith(Lenient.Preamble)) body = body[Lenient.Preamble.Length..];
        var text = Lenient.GetString(body);
        return text.Contains("\\u", StringComparison.Ordinal) ? LoneSurrogate().Replace(text, "\\ufffd") : text;
    }

    // An escape is one when an even number of backslashes precedes it ("\\ud800" is a backslash and "ud800").
    // A high surrogate not followed by a low one, or a low one not preceded by a high one.
    [GeneratedRegex(@"(?<=(?<!\\)(?:\\\\)*)(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})")]
    private static partial Regex LoneSurrogate();
}
