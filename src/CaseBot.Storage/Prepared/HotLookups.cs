using CaseBot.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Storage.Prepared;

/// <summary>
/// The lookups a message makes on its way through the engine (its sender, conversation, the events a report picks
/// from, a saved report's verifiers, when the chat last wrote), compiled once per model. Their SQL is then prepared
/// on each connection (SQLite: <see cref="SqlitePreparedStatements"/>; PostgreSQL: Npgsql's auto-preparation).
/// </summary>
internal static class HotLookups
{
    // The identity's unique index names the reporter; "any identity matches" would test every reporter (a scan per message).
    public static readonly CompiledPerModel<Func<CaseBotDbContext, string, string, Task<Reporter?>>> Reporter = new(() =>
        EF.CompileAsyncQuery((CaseBotDbContext db, string channel, string externalUserId) =>
            db.Reporters.Include(r => r.Identities)
                .FirstOrDefault(r => r.Id == db.Identities.Where(i => i.Channel == channel && i.ExternalUserId == externalUserId)
                    .Select(i => i.ReporterId).FirstOrDefault())));

    public static readonly CompiledPerModel<Func<CaseBotDbContext, string, Task<Conversation?>>> Conversation = new(() =>
        EF.CompileAsyncQuery((CaseBotDbContext db, string userKey) =>
            db.Conversations.AsNoTracking().FirstOrDefault(c => c.UserKey == userKey))); // written by HotWrites

    public static readonly CompiledPerModel<Func<CaseBotDbContext, string, string, Task<DateTimeOffset?>>> LastInbound = new(() =>
        EF.CompileAsyncQuery((CaseBotDbContext db, string channel, string chatId) =>
            db.Contacts.Where(c => c.Channel == channel && c.ChatId == chatId).Select(c => (DateTimeOffset?)c.LastInboundAt).FirstOrDefault()));

    public static readonly CompiledPerModel<Func<CaseBotDbContext, string?, string?, DateOnly, int, IAsyncEnumerable<DisasterEvent>>> RecentEvents = new(() =>
        EF.CompileAsyncQuery((CaseBotDbContext db, string? kabupaten, string? kecamatan, DateOnly since, int take) =>
            db.Events
                .Where(e => !e.Closed && (kabupaten == null || e.Kabupaten == kabupaten) && (kecamatan == null || e.Kecamatan == kecamatan)
                            && e.EventDate >= since)
                .OrderByDescending(e => e.UpdatedAt).Take(take)));

    public static readonly CompiledPerModel<Func<CaseBotDbContext, ReporterRole[], string, string, IAsyncEnumerable<Reporter>>> ApprovedCovering = new(() =>
        EF.CompileAsyncQuery<CaseBotDbContext, ReporterRole[], string, string, Reporter>((CaseBotDbContext db, ReporterRole[] roles, string kabupaten, string kecamatan) =>
            db.Reporters.Include(r => r.Identities)
                .Where(r => r.Status == ReporterStatus.Approved && roles.Contains(r.Role) && r.Kabupaten == kabupaten
                            && (r.Kecamatan == null || r.Kecamatan == kecamatan))
                .OrderBy(r => r.Id)));
}
