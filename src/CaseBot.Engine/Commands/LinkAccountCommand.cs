using CaseBot.Domain.Entities;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>/tautkan &lt;no pendaftar&gt; &lt;channel:id&gt;: the same person's other chat account (WhatsApp ↔ Telegram).</summary>
public sealed class LinkAccountCommand : ICommand
{
    public string Name => "tautkan";
    public string Description => "Tautkan akun lain: /tautkan 12 whatsapp:+6281234567890";
    public CommandAccess Access => CommandAccess.Admin;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var parts = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0].TrimStart('#'), out var id) || parts[1].Split(':', 2) is not [{ Length: > 0 } channel, { Length: > 0 } userId])
            return "Contoh: /tautkan 12 whatsapp:+6281234567890 atau /tautkan 12 telegram:123456789";
        channel = channel.ToLowerInvariant();
        var reporter = await ctx.Store.GetReporterAsync(id);
        if (reporter is null) return $"Pendaftar #{id} tidak ditemukan.";
        if (await ctx.Store.FindReporterAsync(channel, userId) is { } owner)
            return owner.Id == reporter.Id ? "Akun itu sudah tertaut." : $"Akun itu sudah milik {owner.Name} (#{owner.Id}).";
        ctx.Store.AddIdentity(reporter, new ChannelIdentity { Channel = channel, ExternalUserId = userId, ChatId = userId });
        ctx.Store.AddAudit(new AuditEntry
        {
            Subject = $"USR-{reporter.Id}", Field = "akun", NewValue = $"{channel}:{userId}", ByReporterId = ctx.Reporter?.Id, At = ctx.Now,
        });
        return $"✅ {channel}:{userId} sekarang tertaut ke {reporter.Name} ({Labels.Role(reporter.Role)}).";
    }
}
