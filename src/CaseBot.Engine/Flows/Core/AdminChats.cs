using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>Where notices for admins go: registered admins' chats, plus configured admin accounts that never registered.</summary>
public static class AdminChats
{
    public static async Task<IReadOnlyList<(string Channel, string ChatId)>> ListAsync(FlowSession session)
    {
        var admins = await session.Store.ListAdminsAsync();
        var chats = new List<(string Channel, string ChatId)>();
        foreach (var admin in admins)
            if (await PersonChats.PreferredAsync(session.Store, admin) is { } chat) chats.Add(chat);
        // Configured admin accounts that belong to no registered admin (a registered one is reached where they are).
        var registered = admins.SelectMany(a => a.Identities).Select(i => (i.Channel, i.ExternalUserId)).ToHashSet();
        chats.AddRange(session.Reference.Options.Admins.Select(a => a.Split(':', 2)).Where(p => p.Length == 2 && !registered.Contains((p[0], p[1])))
            .Select(p => (p[0], p[1])));
        return chats.Distinct().ToList();
    }

    /// <summary>The admins' chats when any of <paramref name="codes"/> was typed under *Lainnya*, else none: a save
    /// without such an entry does not look the admins up.</summary>
    public static async Task<IReadOnlyList<(string Channel, string ChatId)>> ForTypedEntriesAsync(FlowSession session, params string?[] codes) =>
        codes.Any(c => Domain.Configuration.Catalogs.Codes(c ?? "").Any(Domain.Configuration.Catalogs.IsOther)) ? await ListAsync(session) : [];

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
