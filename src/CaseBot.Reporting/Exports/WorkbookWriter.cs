using System.Data;
using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace CaseBot.Reporting.Exports;

/// <summary>Writes sheets as .xlsx (MiniExcel) or, as a fallback for one sheet, as CSV.</summary>
public static class WorkbookWriter
{
    public static byte[] Xlsx(IReadOnlyList<Sheet> sheets)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var sheet in sheets) workbook[sheet.Name] = AsRecords(sheet);
        using var stream = new MemoryStream();
        stream.SaveAs(workbook, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>CSV for spreadsheet programs set to Indonesian: ';' separated, UTF-8 with BOM, dates as dd/MM/yyyy.</summary>
    public static byte[] Csv(Sheet sheet)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(';', sheet.Headers.Select(Escape)));
        foreach (var row in sheet.Rows)
            text.AppendLine(string.Join(';', row.Select(v => Escape(v switch
            {
                null => "",
                DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                decimal m => m.ToString("0.##", CultureInfo.GetCultureInfo("id-ID")),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            }))));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A DataTable keeps the header row even when a period has no reports.</summary>
    private static DataTable AsRecords(Sheet sheet)
    {
        var table = new DataTable(sheet.Name);
        for (var i = 0; i < sheet.Headers.Count; i++)
        {
            var type = sheet.Rows.Select(r => r[i]?.GetType()).FirstOrDefault(t => t is not null) ?? typeof(string);
            table.Columns.Add(sheet.Headers[i], type);
        }
        foreach (var row in sheet.Rows) table.Rows.Add(row.Select(v => v ?? DBNull.Value).ToArray());
        return table;
    }

    private static string Escape(string value) =>
        value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
