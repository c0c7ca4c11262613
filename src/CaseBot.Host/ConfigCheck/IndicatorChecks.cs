using CaseBot.Domain.Configuration;
using CaseBot.Reporting.Capaian;

namespace CaseBot.Host.ConfigCheck;

/// <summary>indicators.json against the catalogs and regions: an unknown code would silently count 0.</summary>
public static class IndicatorChecks
{
    private static readonly string[] Topics = ["bencana", "logistik", "ppks"];

    public static void Check(IndicatorCatalog indicators, Catalogs catalogs, RegionCatalog regions, FileProblems problems)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < indicators.Indicators.Count; i++)
        {
            var indicator = indicators.Indicators[i];
            var at = $"$.Indicators[{i}]";
            if (string.IsNullOrWhiteSpace(indicator.Id)) problems.Add($"{at}.Id", "wajib diisi");
            else if (!ids.Add(indicator.Id)) problems.Add($"{at}.Id", $"\"{indicator.Id}\" ganda");
            if (!Topics.Contains(indicator.Topic)) problems.Add($"{at}.Topic", $"\"{indicator.Topic}\" bukan {string.Join(", ", Topics)}");
            Codes(problems, $"{at}.AidItems", indicator.AidItems, c => catalogs.AidItem(c) is not null);
            Codes(problems, $"{at}.PpksTypes", indicator.PpksTypes, c => catalogs.PpksType(c) is not null);
            for (var h = 0; h < indicator.Handled.Count; h++)
                Codes(problems, $"{at}.Handled[{h}].Services", indicator.Handled[h].Services, c => catalogs.PpksService(c) is not null);
            if (indicator.RecipientUnit is { } unit && !Enum.TryParse<Domain.Entities.RecipientUnit>(unit, ignoreCase: true, out _))
                problems.Add($"{at}.RecipientUnit", $"\"{unit}\" bukan Orang atau Kk");
            Values(problems, $"{at}.Targets", indicator.Targets, regions);
            Values(problems, $"{at}.Denominators", indicator.Denominators, regions);
        }
    }

    private static void Codes(FileProblems problems, string path, IReadOnlyList<string> codes, Func<string, bool> known)
    {
        for (var j = 0; j < codes.Count; j++)
            if (!known(codes[j])) problems.Add($"{path}[{j}]", $"kode \"{codes[j]}\" tidak ada di katalog");
    }

    private static void Values(FileProblems problems, string path, IReadOnlyList<TargetValue> values, RegionCatalog regions)
    {
        for (var j = 0; j < values.Count; j++)
        {
            if (regions.Find(values[j].Region) is null)
                problems.Add($"{path}[{j}].Region", $"wilayah \"{values[j].Region}\" tidak ada di regions.json");
            if (values[j].Year is < 2000 or > 2100) problems.Add($"{path}[{j}].Year", $"tahun {values[j].Year} tidak masuk akal");
            if (values[j].Value < 0) problems.Add($"{path}[{j}].Value", "tidak boleh negatif");
        }
    }
}
