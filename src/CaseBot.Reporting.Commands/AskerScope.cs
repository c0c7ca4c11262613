using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Commands;
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

    public static DateOnly Today(CommandContext ctx, Region region) =>
        LocalDay.Of(ctx.Now, TimeZoneInfo.FindSystemTimeZoneById(region.EffectiveTimeZone));

    private static Region Top(Region region) => region.Parent is null ? region : Top(region.Parent);

    public static bool IsOfficerOrAdmin(Reporter? reporter, CommandContext ctx) => ctx.IsAdmin || reporter?.IsOfficer == true;
}
