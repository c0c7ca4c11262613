using System.Globalization;
using CaseBot.Reporting.Exports;
using CaseBot.Storage;

namespace CaseBot.Host.Cli;

/// <summary>
/// `casebot export --kind ppks --from 2024-01-01 --to 2024-12-31 --format xlsx --out file.xlsx [--kabupaten X]
/// [--kecamatan Y] [--full-nik]`: the same tables as the chat's /ekspor, for the server operator.
/// </summary>
public static class ExportCli
{
    public const string Usage =
        "usage: casebot export --kind semua|bencana|logistik|ppks --from YYYY-MM-DD --to YYYY-MM-DD " +
        "[--format xlsx|csv] --out FILE [--kabupaten NAME] [--kecamatan NAME] [--full-nik]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        using var host = CaseBotHost.Build(["--CaseBot:Terminal:Enabled=false"]);
        var reportSheets = host.Services.GetRequiredService<ReportSheets>();
        if (!TryParse(args, reportSheets, out var request, out var format, out var path, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var sheets = await reportSheets.BuildAsync(request);
        if (format == ExportFormat.Csv && request.Kind == ReportSheets.All)
        {
            await error.WriteLineAsync("CSV holds one kind only: choose --kind bencana, logistik or ppks.");
            return 2;
        }
        var bytes = format == ExportFormat.Csv ? WorkbookWriter.Csv(sheets[0]) : WorkbookWriter.Xlsx(sheets);
        await File.WriteAllBytesAsync(path!, bytes);
        await output.WriteLineAsync($"{path}: {string.Join(", ", sheets.Select(s => $"{s.Name} {s.Rows.Count} baris"))}");
        return 0;
    }

    private static bool TryParse(string[] args, ReportSheets sheets, out ExportRequest request, out ExportFormat format, out string? path, out string problem)
    {
        request = null!; format = ExportFormat.Xlsx; path = null; problem = "";
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var fullNik = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--full-nik") { fullNik = true; continue; }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) { problem = $"unexpected '{args[i]}'"; return false; }
            values[args[i][2..]] = args[++i];
        }
        if (!sheets.TryParseKind(values.GetValueOrDefault("kind") ?? ReportSheets.All, out var kind)) { problem = "unknown --kind"; return false; }
        if (!TryDate(values.GetValueOrDefault("from"), out var from) || !TryDate(values.GetValueOrDefault("to"), out var to) || to < from)
        { problem = "--from and --to must be dates YYYY-MM-DD, from <= to"; return false; }
        if (!Enum.TryParse(values.GetValueOrDefault("format") ?? "xlsx", true, out format)) { problem = "unknown --format"; return false; }
        path = values.GetValueOrDefault("out");
        if (string.IsNullOrWhiteSpace(path)) { problem = "--out is required"; return false; }
        request = new ExportRequest(kind, from, to)
        {
            Kabupaten = values.GetValueOrDefault("kabupaten"), Kecamatan = values.GetValueOrDefault("kecamatan"), ShowFullNik = fullNik,
        };
        return true;
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
