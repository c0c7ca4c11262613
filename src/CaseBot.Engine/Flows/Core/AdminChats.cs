using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>Where notices for admins go: registered admins' chats, plus configured admin accounts that never registered.</summary>
public static class AdminChats
{
    public static async Task<IReadOnlyList<(string Channel, string ChatId)>> ListAsync(FlowSession session) =>
        (await session.Store.ListAdminsAsync()).SelectMany(a => a.Identities).Select(i => (i.Channel, i.ChatId))
            .Concat(session.Reference.Options.Admins.Select(a => a.Split(':', 2)).Where(p => p.Length == 2).Select(p => (p[0], p[1])))
            .Distinct().ToList();

    /// <summary>
    /// Tells admins what a reporter typed under *Lainnya*, so the catalogs can grow. Call after the commit (when the
    /// report has its number); <paramref name="typed"/> holds (what, codes) pairs, e.g. ("jenis bantuan", "lainnya:beras").
    /// </summary>
    public static void NoticeTypedEntries(FlowSession session, IReadOnlyList<(string Channel, string ChatId)> admins,
        string number, params (string What, string? Codes)[] typed)
    {
        var lines = typed.SelectMany(t => Domain.Configuration.Catalogs.Codes(t.Codes ?? "").Where(Domain.Configuration.Catalogs.IsOther)
            .Select(c => $"• {t.What}: \"{c[Domain.Configuration.Catalogs.OtherPrefix.Length..]}\"")).ToList();
        if (lines.Count == 0) return;
        var text = $"ℹ️ {session.Reporter?.Name} mengetik isian di luar katalog pada {number}:\n{string.Join("\n", lines)}\n" +
                   "Bila sering dipakai, tambahkan ke config/catalogs.json.";
        foreach (var (channel, chatId) in admins) session.Notices.Add(new OutgoingMessage(channel, chatId, text));
    }
}
