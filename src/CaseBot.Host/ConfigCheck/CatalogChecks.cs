using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;

namespace CaseBot.Host.ConfigCheck;

/// <summary>catalogs.json (codes present and unique) and vocabulary.json (every word points at a code or region that exists).</summary>
public static class CatalogChecks
{
    public static void Check(Catalogs catalogs, FileProblems problems)
    {
        List("DisasterKinds", catalogs.DisasterKinds, problems);
        List("AidItems", catalogs.AidItems, problems);
        List("PpksTypes", catalogs.PpksTypes, problems);
        List("PpksServices", catalogs.PpksServices, problems);
    }

    private static void List(string name, IReadOnlyList<CatalogItem> items, FileProblems problems)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"$.{name}[{i}]";
            if (string.IsNullOrWhiteSpace(items[i].Code)) problems.Add($"{at}.Code", "wajib diisi");
            else if (!codes.Add(items[i].Code)) problems.Add($"{at}.Code", $"kode \"{items[i].Code}\" ganda");
            if (string.IsNullOrWhiteSpace(items[i].Name)) problems.Add($"{at}.Name", "wajib diisi");
        }
    }

    /// <summary>A word pointing nowhere would silently stop being understood.</summary>
    public static void CheckVocabulary(Vocabulary vocabulary, Catalogs catalogs, RegionCatalog regions, FileProblems problems)
    {
        Points(problems, "AidItems", vocabulary.AidItems, c => catalogs.AidItem(c) is not null, "kode \"{0}\" tidak ada di katalog AidItems");
        Points(problems, "DisasterKinds", vocabulary.DisasterKinds, c => catalogs.DisasterKind(c) is not null, "kode \"{0}\" tidak ada di katalog DisasterKinds");
        Points(problems, "PpksTypes", vocabulary.PpksTypes, c => catalogs.PpksType(c) is not null, "kode \"{0}\" tidak ada di katalog PpksTypes");
        Points(problems, "RegionAbbreviations", vocabulary.RegionAbbreviations, n => regions.Find(n) is not null, "wilayah \"{0}\" tidak ada di regions.json");
        Points(problems, "SexWords", vocabulary.SexWords, s => Enum.TryParse<Sex>(s, out _), "\"{0}\" bukan LakiLaki atau Perempuan");
        Points(problems, "VictimWords", vocabulary.VictimWords, CountQuestions.VictimKeys.Contains, "pertanyaan \"{0}\" tidak ada");
    }

    private static void Points(FileProblems problems, string name, IReadOnlyDictionary<string, string> words, Func<string, bool> exists, string message)
    {
        foreach (var (word, target) in words)
            if (!exists(target)) problems.Add(FileProblems.Member($"$.{name}", word), string.Format(message, target));
    }
}
