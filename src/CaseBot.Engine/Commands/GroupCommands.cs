using System.Globalization;
using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>Admin commands typed in a group chat to register it for the daily summary, set its time, or remove it.</summary>
public abstract class GroupCommand : ICommand
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public CommandAccess Access => CommandAccess.Admin;
    public bool AllowedInGroups => true;

    public Task<Reply> ExecuteAsync(CommandContext ctx, string argument) =>
        ctx.Message.ChatKind == ChatKind.Group
            ? RunAsync(ctx, argument.Trim())
            : Task.FromResult<Reply>($"Ketik /{Name} di dalam grup yang dimaksud.");

    protected abstract Task<Reply> RunAsync(CommandContext ctx, string argument);
}

/// <summary>/daftargrup [wilayah]: this group gets the daily summary of the area (default: the admin's).</summary>
public sealed class RegisterGroupCommand : GroupCommand
{
    public override string Name => "daftargrup";
    public override string Description => "Daftarkan grup ini untuk ringkasan harian: /daftargrup [wilayah]";

    protected override async Task<Reply> RunAsync(CommandContext ctx, string argument)
    {
        var regions = ctx.Reference.Regions;
        Region? area;
        if (argument.Length > 0)
        {
            var match = FuzzyMatcher.Best(argument, regions.All.Where(r => r.Level != RegionLevel.Desa).Select(r => r.Name));
            if (match is null) return $"Wilayah \"{argument}\" tidak dikenal. Contoh: /daftargrup Luwu Timur";
            area = regions.Find(match.Value);
        }
        else area = DefaultArea(ctx);
        if (area is null) return "Sebutkan wilayahnya, contoh: /daftargrup Luwu Timur";

        var group = await ctx.Store.GetGroupAsync(ctx.Message.Channel, ctx.Message.ChatId);
        if (group is null)
        {
            group = new GroupChat { Channel = ctx.Message.Channel, ChatId = ctx.Message.ChatId, Area = area.Name, RegisteredAt = ctx.Now };
            ctx.Store.AddGroup(group);
        }
        group.Area = area.Name;
        group.RegisteredBy = ctx.Reporter?.Id;
        return $"✅ Grup ini akan menerima ringkasan harian {area.Name} setiap hari pukul {group.SendTime ?? "07:00"}. " +
               "Ubah jam dengan /waktugrup 07:30 WITA, hentikan dengan /hapusgrup.";
    }

    private static Region? DefaultArea(CommandContext ctx)
    {
        var kabupaten = ctx.Reporter is null ? null : ctx.Reference.Regions.FindKabupaten(ctx.Reporter.Kabupaten);
        if (kabupaten is null) return ctx.Reference.Regions.Regions.FirstOrDefault();
        while (kabupaten.Parent is not null) kabupaten = kabupaten.Parent;
        return kabupaten;
    }
}

/// <summary>/waktugrup HH:mm [WIB|WITA|WIT]: the group's own sending time.</summary>
public sealed class GroupTimeCommand : GroupCommand
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WIB"] = "Asia/Jakarta", ["WITA"] = "Asia/Makassar", ["WIT"] = "Asia/Jayapura",
    };

    public override string Name => "waktugrup";
    public override string Description => "Jam ringkasan harian grup: /waktugrup 07:00 WITA";

    protected override async Task<Reply> RunAsync(CommandContext ctx, string argument)
    {
        var group = await ctx.Store.GetGroupAsync(ctx.Message.Channel, ctx.Message.ChatId);
        if (group is null) return "Grup ini belum terdaftar. Ketik /daftargrup dulu.";
        var parts = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2 || !TimeOnly.TryParseExact(parts[0].Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return "Tulis jamnya, contoh: /waktugrup 07:00 atau /waktugrup 06:30 WIB";
        string? zone = null;
        if (parts.Length == 2 && !Zones.TryGetValue(parts[1], out zone))
            return "Zona waktu: WIB, WITA, atau WIT.";
        ctx.Store.AddAudit(new AuditEntry
        {
            Subject = $"GRP-{group.ChatId}", Field = "waktu", OldValue = group.SendTime, NewValue = $"{time:HH\\:mm} {parts.ElementAtOrDefault(1)}".Trim(),
            ByReporterId = ctx.Reporter?.Id, At = ctx.Now,
        });
        group.SendTime = time.ToString("HH:mm", CultureInfo.InvariantCulture);
        group.TimeZone = zone ?? group.TimeZone;
        return $"✅ Ringkasan harian dikirim setiap hari pukul {group.SendTime} {Zones.FirstOrDefault(z => z.Value == group.TimeZone).Key ?? "(zona wilayah)"}.";
    }
}

/// <summary>/hapusgrup: this group no longer gets the daily summary.</summary>
public sealed class RemoveGroupCommand : GroupCommand
{
    public override string Name => "hapusgrup";
    public override string Description => "Hentikan ringkasan harian di grup ini";

    protected override async Task<Reply> RunAsync(CommandContext ctx, string argument)
    {
        var group = await ctx.Store.GetGroupAsync(ctx.Message.Channel, ctx.Message.ChatId);
        if (group is null) return "Grup ini memang tidak terdaftar.";
        ctx.Store.RemoveGroup(group);
        return "Grup ini tidak lagi menerima ringkasan harian.";
    }
}
