using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Messages;
using CaseBot.Reporting.Capaian;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Commands;

/// <summary>
/// /target &lt;indikator&gt; &lt;wilayah&gt; &lt;tahun&gt; &lt;nilai&gt;: an admin sets a target in chat. The bot shows old → new
/// with a confirm button (the same command ending in "ya"); confirmed, it is stored as a TargetOverride (which beats
/// config/indicators.json for that region and year) and audited as TARGET-&lt;indicator&gt;-&lt;region&gt;-&lt;year&gt;.
/// </summary>
public sealed class TargetCommand(IDbContextFactory<CaseBotDbContext> contexts, IndicatorCatalog catalog, RegionCatalog regions,
    CapaianService capaian) : ICommand
{
    public string Name => "target";
    public string Description => "Ubah target indikator: /target <indikator> <wilayah> <tahun> <nilai>";
    public CommandAccess Access => CommandAccess.Admin;

    private string Usage => "Ketik: /target <indikator> <wilayah> <tahun> <nilai>\nContoh: /target ppks-ditangani Luwu Timur 2026 60,5\n" +
                            "Kembali ke target konfigurasi: /target <indikator> <wilayah> <tahun> hapus\n" +
                            $"Indikator: {string.Join(", ", catalog.Indicators.Select(i => i.Id))}";

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var confirmed = words.Count > 0 && words[^1].Equals("ya", StringComparison.OrdinalIgnoreCase);
        if (confirmed) words.RemoveAt(words.Count - 1);
        if (words.Count < 4) return Usage;

        var indicator = catalog.Indicators.FirstOrDefault(i => i.Id.Equals(words[0], StringComparison.OrdinalIgnoreCase));
        if (indicator is null) return $"Indikator \"{words[0]}\" tidak dikenal.\n{Usage}";
        var regionText = string.Join(' ', words.Skip(1).Take(words.Count - 3));
        if (regions.Find(regionText) is not { } region) return $"Wilayah \"{regionText}\" tidak dikenal.";
        if (!int.TryParse(words[^2], out var year) || year is < 2000 or > 2100) return $"Tahun \"{words[^2]}\" tidak valid.";
        if (words[^1].Equals("hapus", StringComparison.OrdinalIgnoreCase)) return await RemoveAsync(ctx, indicator, region.Name, year, confirmed);
        var raw = words[^1].Replace("%", "");
        decimal value = 0;
        if (raw != "0" && !InputParsers.TryParseQuantity(raw, out value)) return $"Nilai \"{words[^1]}\" bukan angka.";

        var (old, _) = await capaian.OwnTargetAsync(indicator, region.Name, year);
        var change = $"{indicator.ShortName}, {region.Name} {year}:\n{Show(indicator, old)} → {Show(indicator, value)}";
        if (old == value) return $"Target sudah {Show(indicator, value)}: {indicator.ShortName}, {region.Name} {year}.";
        if (!confirmed)
            return new Reply($"Ubah target?\n{change}",
                [new Choice("✅ Ya, simpan", $"/target {indicator.Id} {region.Name} {year} {raw} ya")]);

        await using var db = await contexts.CreateDbContextAsync();
        var set = await db.TargetOverrides.FirstOrDefaultAsync(o => o.IndicatorId == indicator.Id && o.Region == region.Name && o.Year == year);
        if (set is null)
            db.TargetOverrides.Add(set = new TargetOverride { IndicatorId = indicator.Id, Region = region.Name, Year = year });
        set.Value = value;
        set.ByReporterId = ctx.Reporter?.Id;
        set.SetAt = ctx.Now;
        db.Audit.Add(new AuditEntry
        {
            Subject = Subject(indicator.Id, region.Name, year), Field = "target",
            OldValue = old?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NewValue = value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ByReporterId = ctx.Reporter?.Id, At = ctx.Now,
        });
        await db.SaveChangesAsync();
        return $"✅ Target disimpan.\n{change}";
    }

    /// <summary>"/target … hapus": drops the target set in chat, so config/indicators.json applies again.</summary>
    private async Task<Reply> RemoveAsync(CommandContext ctx, IndicatorDefinition indicator, string region, int year, bool confirmed)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var set = await db.TargetOverrides.FirstOrDefaultAsync(o => o.IndicatorId == indicator.Id && o.Region == region && o.Year == year);
        var configured = TargetValue.Resolve(indicator.Targets, region, year)?.Value;
        if (set is null)
            return $"Tidak ada target yang diubah lewat chat untuk {indicator.ShortName}, {region} {year}. Target dari konfigurasi: {Show(indicator, configured)}.";
        var change = $"{indicator.ShortName}, {region} {year}:\n{Show(indicator, set.Value)} → {Show(indicator, configured)} (dari konfigurasi)";
        if (!confirmed)
            return new Reply($"Hapus target yang diubah lewat chat?\n{change}", [new Choice("✅ Ya, hapus", $"/target {indicator.Id} {region} {year} hapus ya")]);
        db.TargetOverrides.Remove(set);
        db.Audit.Add(new AuditEntry
        {
            Subject = Subject(indicator.Id, region, year), Field = "target",
            OldValue = set.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NewValue = configured is { } c ? $"{c.ToString(System.Globalization.CultureInfo.InvariantCulture)} (konfigurasi)" : "(konfigurasi: belum ditetapkan)",
            ByReporterId = ctx.Reporter?.Id, At = ctx.Now,
        });
        await db.SaveChangesAsync();
        return $"✅ Target dari chat dihapus.\n{change}";
    }

    /// <summary>The audit subject (upper case, as /audit looks subjects up).</summary>
    public static string Subject(string indicator, string region, int year) => $"TARGET-{indicator}-{region}-{year}".ToUpperInvariant();

    private static string Show(IndicatorDefinition indicator, decimal? value) => value switch
    {
        null => "belum ditetapkan",
        { } v when indicator.Kind == IndicatorKind.Percentage => IndonesianFormat.Percent(v),
        { } v => $"{IndonesianFormat.Number(v)} {indicator.Unit}",
    };
}
