using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;
using CaseBot.Reporting;
using CaseBot.Reporting.Capaian;

namespace CaseBot.Reporting.Commands;

/// <summary>Who is asking decides the defaults: their area, and "today" in its time zone.</summary>
public static class AskerScope
{
    /// <summary>An officer's kecamatan or kabupaten; an admin's whole top-level region (e.g. the province).</summary>
    public static Region HomeRegion(CommandContext ctx)
    {
        var regions = ctx.Reference.Regions;
        var reporter = ctx.Reporter;
        var kabupaten = (reporter is null ? null : regions.FindKabupaten(reporter.Kabupaten)) ?? regions.Kabupaten.First();
        if (ctx.IsAdmin) return Top(kabupaten);
        return reporter?.Kecamatan is { } kec && regions.FindKecamatan(kabupaten.Name, kec) is { } k ? k : kabupaten;
    }

    /// <summary>Officers may look at their own area and what is inside it; admins anywhere.</summary>
    public static bool MaySee(CommandContext ctx, Region region)
    {
        if (ctx.IsAdmin) return true;
        var home = HomeRegion(ctx);
        for (var r = region; r is not null; r = r.Parent)
            if (ReferenceEquals(r, home)) return true;
        return false;
    }

    /// <summary>The area of the group chat the message came from when it was registered with /daftargrup; null elsewhere.</summary>
    public static async Task<Region?> GroupAreaAsync(CommandContext ctx)
    {
        if (ctx.Message.ChatKind != ChatKind.Group) return null;
        var group = await ctx.Store.GetGroupAsync(ctx.Message.Channel, ctx.Message.ChatId);
        return group is null ? null : ctx.Reference.Regions.Find(group.Area);
    }

    /// <summary>In a registered group its members may also see the group's area (its daily summary is posted there).</summary>
    public static bool MaySee(CommandContext ctx, Region region, Region? groupArea) =>
        MaySee(ctx, region) || (groupArea is not null && Within(region, groupArea));

    /// <summary>What the asker may see, for refusals: "Malili" or "Malili dan Luwu Timur".</summary>
    public static string Visible(CommandContext ctx, Region? groupArea)
    {
        var home = HomeRegion(ctx);
        return groupArea is null || Within(groupArea, home) ? home.Name : $"{home.Name} dan {groupArea.Name}";
    }

    private static bool Within(Region region, Region area)
    {
        for (var r = region; r is not null; r = r.Parent)
            if (ReferenceEquals(r, area)) return true;
        return false;
    }

    public static DateOnly Today(CommandContext ctx, Region region) =>
        LocalDay.Of(ctx.Now, TimeZoneInfo.FindSystemTimeZoneById(region.EffectiveTimeZone));

    private static Region Top(Region region) => region.Parent is null ? region : Top(region.Parent);

    public static bool IsOfficerOrAdmin(Reporter? reporter, CommandContext ctx) => ctx.IsAdmin || reporter?.IsOfficer == true;
}
