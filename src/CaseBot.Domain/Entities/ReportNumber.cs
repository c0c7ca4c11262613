using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseBot.Domain.Entities;

/// <summary>
/// Short human report numbers: a two-letter prefix of the report kind, the year, the id: BC-2024-0042.
/// Each kind declares its prefix (its entity's <c>Prefix</c>); nothing here lists the kinds.
/// </summary>
public static partial class ReportNumber
{
    public static string Format(string prefix, int year, int id) => $"{prefix}-{year}-{id:0000}";

    /// <summary>Accepts what people type: "bc-2024-42", "BC 2024 0042", "PK-2024-0003". The prefix comes back upper-case.</summary>
    public static bool TryParse(string? text, out string prefix, out int year, out int id)
    {
        prefix = ""; year = 0; id = 0;
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success) return false;
        prefix = m.Groups[1].Value.ToUpperInvariant();
        year = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return int.TryParse(m.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }

    [GeneratedRegex(@"^([A-Z]{2})[\s\-/]*(\d{4})[\s\-/]*(\d{1,9})$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
