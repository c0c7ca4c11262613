using CaseBot.Domain.Configuration;

namespace CaseBot.Engine.Conversations;

/// <summary>The reference data and settings every flow and command reads (loaded once from config/).</summary>
public sealed class ReferenceData(Catalogs catalogs, RegionCatalog regions, CaseBotOptions options, Vocabulary? vocabulary = null)
{
    public Catalogs Catalogs { get; } = catalogs;
    public RegionCatalog Regions { get; } = regions;
    public CaseBotOptions Options { get; } = options;
    /// <summary>How field reporters write numbers, regions and catalog names (config/vocabulary.json).</summary>
    public Vocabulary Vocabulary { get; } = vocabulary ?? Vocabulary.Empty;

    public bool IsConfiguredAdmin(string userKey) => Options.Admins.Contains(userKey, StringComparer.OrdinalIgnoreCase);

    /// <summary>The time zone of a kabupaten (or the first configured region when unknown).</summary>
    public TimeZoneInfo TimeZoneOf(string? kabupaten)
    {
        var region = (kabupaten is null ? null : Regions.FindKabupaten(kabupaten)) ?? Regions.Regions.FirstOrDefault();
        return TimeZoneInfo.FindSystemTimeZoneById(region?.EffectiveTimeZone ?? "Asia/Makassar");
    }
}
