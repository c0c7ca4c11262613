using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseBot.Domain.Configuration;
using CaseBot.Reporting.Capaian;
using MiniExcelLibs;

namespace CaseBot.Reporting.Exports;

/// <summary>
/// Targets as a spreadsheet an officer fills in (one row per indicator, year and region) and reads back into
/// config/indicators.json. Rows that cannot be read are reported, never guessed. For the current and the next year,
/// every indicator × region (of those the catalog names) without a target gets an empty row to fill in; rows left
/// empty are skipped on import. "Setiap tahun" = ya marks a standing target (holds from its year on).
/// </summary>
public static class TargetSheet
{
    public const string Name = "Target";
    private static readonly string[] Headers = ["Indikator", "Nama Indikator", "Tahun", "Wilayah", "Target", StandingHeader];
    private const string StandingHeader = "Setiap tahun";

    /// <param name="currentYear">This year (in the region's zone): it and the next get empty rows where no target applies.</param>
    public static byte[] Write(IndicatorCatalog catalog, int currentYear) => WorkbookWriter.Xlsx([new Sheet(Name, Headers, Rows(catalog, currentYear))]);

    private static List<object?[]> Rows(IndicatorCatalog catalog, int currentYear)
    {
        var regions = catalog.Indicators.SelectMany(i => i.Targets.Select(t => t.Region))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var rows = new List<object?[]>();
        foreach (var i in catalog.Indicators)
        {
            rows.AddRange(i.Targets.OrderBy(t => t.Year).ThenBy(t => t.Region)
                .Select(t => new object?[] { i.Id, i.Name, t.Year, t.Region, t.Value, t.Standing ? "ya" : null }));
            foreach (var year in new[] { currentYear, currentYear + 1 })
                rows.AddRange(regions.Where(r => TargetValue.Resolve(i.Targets, r, year) is null)
                    .Select(r => new object?[] { i.Id, i.Name, year, r, null, null }));
        }
        return rows;
    }

    /// <summary>The catalog with its targets replaced by the sheet's, and the problems found (row numbers as Excel shows them).</summary>
    public static (IndicatorCatalog Catalog, IReadOnlyList<string> Problems) Read(Stream xlsx, IndicatorCatalog catalog, RegionCatalog regions)
    {
        var problems = new List<string>();
        var targets = catalog.Indicators.ToDictionary(i => i.Id, _ => new List<TargetValue>());
        var row = 1;
        foreach (IDictionary<string, object?> cells in xlsx.Query(useHeaderRow: true, sheetName: Name))
        {
            row++;
            var id = Text(cells, "Indikator");
            if (Text(cells, "Target") is null) continue; // blank line, or a target left to fill in
            if (id is null || !targets.ContainsKey(id)) { problems.Add($"Baris {row}: indikator \"{id}\" tidak dikenal."); continue; }
            if (!int.TryParse(Text(cells, "Tahun"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            { problems.Add($"Baris {row}: tahun \"{Text(cells, "Tahun")}\" tidak valid."); continue; }
            var region = Text(cells, "Wilayah");
            if (region is null || regions.Find(region) is not { } known) { problems.Add($"Baris {row}: wilayah \"{region}\" tidak dikenal."); continue; }
            if (!TryNumber(cells.TryGetValue("Target", out var raw) ? raw : null, out var value) || value < 0)
            { problems.Add($"Baris {row}: target \"{raw}\" bukan angka."); continue; }
            var standing = Text(cells, StandingHeader)?.ToLowerInvariant() is "ya" or "y" or "yes" or "true" or "1";
            if (targets[id].Any(t => t.Year == year && t.Region == known.Name && t.Standing == standing))
            { problems.Add($"Baris {row}: target {id} {year} {known.Name} ganda."); continue; }
            // The quote from the plan stays with a figure the sheet did not change.
            var source = catalog.Indicators.Single(i => i.Id == id).Targets
                .FirstOrDefault(t => t.Year == year && t.Region == known.Name && t.Standing == standing && t.Value == value)?.Source;
            targets[id].Add(new TargetValue { Year = year, Region = known.Name, Value = value, Standing = standing, Source = source });
        }
        var updated = new IndicatorCatalog
        {
            Schema = catalog.Schema, Source = catalog.Source,
            Indicators = catalog.Indicators.Select(i => new IndicatorDefinition
            {
                Id = i.Id, Name = i.Name, ShortName = i.ShortName, Topic = i.Topic, Kind = i.Kind, Unit = i.Unit, Measure = i.Measure,
                AidItems = i.AidItems, RecipientUnit = i.RecipientUnit, PpksTypes = i.PpksTypes, Source = i.Source,
                Handled = i.Handled, HandledDefinition = i.HandledDefinition,
                Denominators = i.Denominators, Targets = targets[i.Id],
            }).ToList(),
        };
        return (updated, problems);
    }

    public static string ToJson(IndicatorCatalog catalog) => JsonSerializer.Serialize(catalog, new JsonSerializerOptions(ConfigFiles.Json)
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    private static string? Text(IDictionary<string, object?> cells, string header) =>
        cells.TryGetValue(header, out var v) && v is not null && Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s ? s : null;

    /// <summary>Numbers as Excel stores them, or typed as text the Indonesian way ("56,70", "1.000").</summary>
    private static bool TryNumber(object? raw, out decimal value)
    {
        value = 0;
        switch (raw)
        {
            case double d: value = (decimal)d; return true;
            case decimal m: value = m; return true;
            case int n: value = n; return true;
            case long l: value = l; return true;
            case string s: return Domain.Text.InputParsers.TryParseQuantity(s.Replace("%", ""), out value) || s.Trim() == "0";
            default: return false;
        }
    }
}
