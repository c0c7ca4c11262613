namespace CaseBot.Reporting.Capaian;

/// <summary>Rating scale of Permendagri 54/2010 used in the LKj tables.</summary>
public enum RatingBand { SangatRendah, Rendah, Sedang, Tinggi, SangatTinggi }

/// <summary>The arithmetic of the performance reports: realisasi, capaian (uncapped) and its band.</summary>
public static class CapaianMath
{
    /// <summary>numerator / denominator × 100, or null when there is nothing to divide by ("belum ada data").</summary>
    public static decimal? Percentage(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : Math.Round(numerator / denominator * 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>realisasi / target × 100, not capped: the LKj reports 208,59%. Null without a (non-zero) target.</summary>
    public static decimal? Capaian(decimal? realisasi, decimal? target) =>
        realisasi is null || target is null or 0 ? null : Math.Round(realisasi.Value / target.Value * 100m, 2, MidpointRounding.AwayFromZero);

    public static RatingBand Band(decimal capaian) => capaian switch
    {
        >= 91 => RatingBand.SangatTinggi,
        >= 76 => RatingBand.Tinggi,
        >= 66 => RatingBand.Sedang,
        >= 51 => RatingBand.Rendah,
        _ => RatingBand.SangatRendah,
    };

    public static string BandName(RatingBand band) => band switch
    {
        RatingBand.SangatTinggi => "Sangat Tinggi",
        RatingBand.Tinggi => "Tinggi",
        RatingBand.Sedang => "Sedang",
        RatingBand.Rendah => "Rendah",
        _ => "Sangat Rendah",
    };
}
