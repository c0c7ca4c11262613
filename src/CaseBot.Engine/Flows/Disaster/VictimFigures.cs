using System.Text.Json.Serialization;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;

namespace CaseBot.Engine.Flows;

/// <summary>Victim figures as a draft holds them: null until answered.</summary>
public sealed class VictimFigures
{
    public int? Meninggal { get; set; }
    public int? Hilang { get; set; }
    public int? Luka { get; set; }
    public int? Mengungsi { get; set; }
    public int? TerdampakJiwa { get; set; }
    public int? TerdampakKk { get; set; }
    public int? Tertangani { get; set; }

    /// <summary>The questions, in the order asked; <see cref="VictimField.Key"/> is also the audit field name.</summary>
    public static readonly IReadOnlyList<VictimField> Fields =
    [
        new("meninggal", "Meninggal", "Berapa korban meninggal (jiwa)?", f => f.Meninggal, (f, v) => f.Meninggal = v),
        new("hilang", "Hilang", "Berapa korban hilang (jiwa)?", f => f.Hilang, (f, v) => f.Hilang = v),
        new("luka", "Luka-luka", "Berapa korban luka-luka (jiwa)?", f => f.Luka, (f, v) => f.Luka = v),
        new("mengungsi", "Mengungsi", "Berapa orang mengungsi (jiwa)?", f => f.Mengungsi, (f, v) => f.Mengungsi = v),
        new("terdampak_jiwa", "Terdampak (jiwa)", "Berapa jiwa terdampak?", f => f.TerdampakJiwa, (f, v) => f.TerdampakJiwa = v),
        new("terdampak_kk", "Terdampak (KK)", "Berapa KK terdampak?", f => f.TerdampakKk, (f, v) => f.TerdampakKk = v),
        new("tertangani", "Tertangani", "Berapa korban yang sudah tertangani (kebutuhan dasarnya terpenuhi)?",
            f => f.Tertangani, (f, v) => f.Tertangani = v),
    ];

    /// <summary>All victims: affected people plus the dead and missing (the SPM denominator).</summary>
    [JsonIgnore]
    public long TotalKorban => (long)(TerdampakJiwa ?? 0) + (Meninggal ?? 0) + (Hilang ?? 0);

    /// <summary>The one rule over the figures, asked at the tertangani question and checked again at Simpan.</summary>
    public static string? TertanganiProblem(VictimFigures f, int? tertangani = null)
    {
        var handled = tertangani ?? f.Tertangani ?? 0;
        return handled > f.TotalKorban
            ? $"Tertangani ({IndonesianFormat.Number(handled)}) tidak boleh lebih dari jumlah korban " +
              $"({IndonesianFormat.Number(f.TotalKorban)} = terdampak + meninggal + hilang)."
            : null;
    }

    public VictimCounts ToCounts() => new()
    {
        Meninggal = Meninggal ?? 0, Hilang = Hilang ?? 0, Luka = Luka ?? 0, Mengungsi = Mengungsi ?? 0,
        TerdampakJiwa = TerdampakJiwa ?? 0, TerdampakKk = TerdampakKk ?? 0, Tertangani = Tertangani ?? 0,
    };

    public static VictimFigures From(VictimCounts c) => new()
    {
        Meninggal = c.Meninggal, Hilang = c.Hilang, Luka = c.Luka, Mengungsi = c.Mengungsi,
        TerdampakJiwa = c.TerdampakJiwa, TerdampakKk = c.TerdampakKk, Tertangani = c.Tertangani,
    };

    public VictimFigures Copy() => (VictimFigures)MemberwiseClone();
}

public sealed record VictimField(string Key, string Label, string Prompt, Func<VictimFigures, int?> Get, Action<VictimFigures, int?> Set);
