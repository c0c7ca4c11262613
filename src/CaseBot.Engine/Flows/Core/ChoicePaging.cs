using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>Long choice lists (26 PPKS types, 24 kecamatan) shown a page at a time, with navigation buttons.</summary>
public static class ChoicePaging
{
    public const string PagePrefix = "#p:";

    public static IReadOnlyList<Choice> Page(IReadOnlyList<Choice> all, int pageSize, int page)
    {
        if (pageSize <= 0 || all.Count <= pageSize) return all;
        var pages = (all.Count + pageSize - 1) / pageSize;
        page = Math.Clamp(page, 0, pages - 1);
        var shown = all.Skip(page * pageSize).Take(pageSize).ToList();
        if (page > 0) shown.Add(new Choice("◀ Sebelumnya", PagePrefix + (page - 1)));
        if (page < pages - 1) shown.Add(new Choice($"Berikutnya ▶ ({page + 2}/{pages})", PagePrefix + (page + 1)));
        return shown;
    }

    public static bool TryGetPage(string? data, out int page)
    {
        page = 0;
        return data is not null && data.StartsWith(PagePrefix, StringComparison.Ordinal)
               && int.TryParse(data.AsSpan(PagePrefix.Length), out page);
    }
}
