namespace CaseBot.Domain.Entities;

/// <summary>A report that belongs to an area and a reporter: what access rules and exports filter on.</summary>
public interface IAreaReport
{
    string Kabupaten { get; }
    string Kecamatan { get; }
    int ReporterId { get; }
}
