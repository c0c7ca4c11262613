using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Verification;

/// <summary>Notices about a report for the people concerned: its reporter, and the verifiers of its area.</summary>
public static class ReportNotices
{
    /// <summary>To a reporter, on the chat account they last wrote from (<see cref="PersonChats"/>).</summary>
    public static async Task ToReporterAsync(FlowSession session, int reporterId, Reply notice)
    {
        if (await session.Store.GetReporterAsync(reporterId) is not { } reporter
            || await PersonChats.PreferredAsync(session.Store, reporter) is not var (channel, chatId)) return;
        session.Notices.Add(new OutgoingMessage(channel, chatId, notice.Text, notice.Choices) { ReporterId = reporter.Id });
    }

    /// <summary>
    /// The chats of those who verify reports of an area (admins where the area has none), without the reporter.
    /// Read before the commit; the notice itself is added after it, when the report has its number.
    /// </summary>
    public static async Task<IReadOnlyList<(string Channel, string ChatId)>> VerifiersAsync(FlowSession session, string kabupaten, string kecamatan)
    {
        var options = session.Reference.Options.Verification;
        if (!options.NotifyVerifiers) return [];
        var area = new List<(string Channel, string ChatId)>();
        // ReportAccess.InArea stays the rule; the query only spares reading every reporter on each save.
        foreach (var verifier in (await session.Store.ListApprovedCoveringAsync(options.VerifierRoles, kabupaten, kecamatan))
                 .Where(r => r.Id != session.Reporter?.Id && !r.IsAdmin && options.VerifierRoles.Contains(r.Role) && ReportAccess.InArea(r, kabupaten, kecamatan)))
            if (await PersonChats.PreferredAsync(session.Store, verifier) is { } chat) area.Add(chat);
        return area.Count > 0 ? area : (await AdminChats.ListAsync(session)).Where(c => (c.Channel, c.ChatId) != (session.Message.Channel, session.Message.ChatId)).ToList();
    }

    /// <summary>"A new report waits", with the buttons that verify or return exactly this version.</summary>
    public static void ToVerifiers(FlowSession session, IReadOnlyList<(string Channel, string ChatId)> chats, Checkable report)
    {
        var text = $"🆕 {report.Number} menunggu verifikasi (dari {session.Reporter?.Name}):\n{report.Summary}";
        foreach (var (channel, chatId) in chats)
            session.Notices.Add(new OutgoingMessage(channel, chatId, text, VerificationButtons.For(report)));
    }
}

/// <summary>The buttons that act on one version of a report.</summary>
public static class VerificationButtons
{
    public static IReadOnlyList<Choice> For(Checkable report) =>
    [
        new("✅ Verifikasi", $"/{VerifyCommand.CommandName} {report.Number} v{report.Version}"),
        new("↩️ Kembalikan", $"/{ReturnCommand.CommandName} {report.Number} v{report.Version}"),
    ];

    /// <summary>"v12" after the number: the version the officer saw.</summary>
    public static int? Version(string? word) =>
        word is ['v' or 'V', .. var digits] && int.TryParse(digits, out var v) ? v : null;
}
