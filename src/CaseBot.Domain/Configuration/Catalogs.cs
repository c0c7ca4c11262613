namespace CaseBot.Domain.Configuration;

/// <summary>A catalog entry. <see cref="Code"/> is short (it travels in button data, max 64 bytes on Telegram).</summary>
public record CatalogItem
{
    public required string Code { get; init; }
    public required string Name { get; init; }
}

public sealed record DisasterKind : CatalogItem
{
    /// <summary>"alam" (natural) or "sosial" (social disaster).</summary>
    public string Group { get; init; } = "alam";
}

public sealed record AidItem : CatalogItem
{
    public string DefaultUnit { get; init; } = "paket";
    /// <summary>The plan's sub-activity the item belongs to, e.g. "Penyediaan Permakanan".</summary>
    public string? SubActivity { get; init; }
}

public sealed record PpksType : CatalogItem
{
    /// <summary>"jiwa" for persons, "KK" for households (fakir miskin, KBSP, KAT).</summary>
    public string Unit { get; init; } = "jiwa";
}

/// <summary>Everything a department picks from: loaded from config/catalogs.json.</summary>
public sealed class Catalogs
{
    public List<DisasterKind> DisasterKinds { get; init; } = [];
    public List<AidItem> AidItems { get; init; } = [];
    public List<PpksType> PpksTypes { get; init; } = [];
    public List<CatalogItem> PpksServices { get; init; } = [];

    public DisasterKind? DisasterKind(string code) => DisasterKinds.FirstOrDefault(k => k.Code == code);
    public AidItem? AidItem(string code) => AidItems.FirstOrDefault(k => k.Code == code);
    public PpksType? PpksType(string code) => PpksTypes.FirstOrDefault(k => k.Code == code);
    public CatalogItem? PpksService(string code) => PpksServices.FirstOrDefault(k => k.Code == code);

    /// <summary>What a reporter typed where the catalog had nothing that fits is stored as "lainnya:&lt;text&gt;", so
    /// officers can see it and grow the catalog; it counts for no indicator.</summary>
    public const string OtherPrefix = "lainnya:";

    public static string Other(string text) => OtherPrefix + text.Trim();
    public static bool IsOther(string code) => code.StartsWith(OtherPrefix, StringComparison.Ordinal);

    /// <summary>Several codes in one field ("permakanan,rujukan": the services a case got).</summary>
    public static IReadOnlyList<string> Codes(string joined) => joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string DisasterKindName(string code) => DisasterKind(code)?.Name ?? Typed(code);
    public string AidItemName(string code) => AidItem(code)?.Name ?? Typed(code);
    public string ServiceNames(string codes) => string.Join(", ", Codes(codes).Select(c => PpksService(c)?.Name ?? Typed(c)));

    private static string Typed(string code) => IsOther(code) ? $"{code[OtherPrefix.Length..]} (lainnya)" : code;
}
