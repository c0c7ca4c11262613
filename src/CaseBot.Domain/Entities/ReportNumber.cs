using System.Text.RegularExpressions;

namespace CaseBot.Domain.Entities;

public enum ReportKind { Disaster, Aid, Ppks }

/// <summary>Short human report numbers: BC-2024-0042 (bencana), LG-... (logistik), PK-... (PPKS).</summary>
public static partial class ReportNumber
{
    public static string Prefix(ReportKind kind) => kind switch
    {
        ReportKind.Disaster => "BC",
        ReportKind.Aid => "LG",
        _ => "PK",
    };

    public static string Format(ReportKind kind, int year, int id) => $"{Prefix(kind)}-{year}-{id:0000}";

    /// <summary>Accepts what people type: "bc-2024-42", "BC 2024 0042", "PK-2024-0003".</summary>
    public static bool TryParse(string? text, out ReportKind kind, out int year, out int id)
    {
        kind = default; year = 0; id = 0;
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success) return false;
        kind = m.Groups[1].Value.ToUpperInvariant() switch
        {
            "BC" => ReportKind.Disaster,
            "LG" => ReportKind.Aid,
            _ => ReportKind.Ppks,
        };
        year = int.Parse(m.Groups[2].Value);
        return int.TryParse(m.Groups[3].Value, out id) && id > 0;
    }

    [GeneratedRegex(@"^(BC|LG|PK)[\s\-/]*(\d{4})[\s\-/]*(\d{1,9})$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
