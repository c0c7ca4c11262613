namespace CaseBot.Reporting.Capaian;

/// <summary>
/// One indicator measured for a region and period, with the figures behind it. The leading figure (what the target is
/// compared with and the department signs) is the verified one, unless configuration counts unverified reports too.
/// </summary>
public sealed record IndicatorResult(IndicatorDefinition Indicator, MeasuredFigures Figures, decimal? Target, bool CountUnverified = false)
{
    public Figures Leading => CountUnverified ? Figures.Provisional : Figures.Verified;
    /// <summary>The other figure, shown beside the leading one while reports wait for verification.</summary>
    public Figures Other => CountUnverified ? Figures.Verified : Figures.Provisional;
    public decimal Numerator => Leading.Numerator;
    public decimal? Denominator => Leading.Denominator;
    /// <summary>Reports behind the provisional figure not yet verified.</summary>
    public int Unverified => Figures.Unverified;

    /// <summary>The percentage (percentage indicators) or the count; null when there is nothing to divide by.</summary>
    public decimal? Realisasi => RealisasiOf(Leading);
    public decimal? OtherRealisasi => RealisasiOf(Other);

    public decimal? Capaian => CapaianMath.Capaian(Realisasi, Target);

    public RatingBand? Band => Capaian is { } c ? CapaianMath.Band(c) : null;

    private decimal? RealisasiOf(Figures f) => Indicator.Kind == IndicatorKind.Percentage
        ? f.Denominator is { } d ? CapaianMath.Percentage(f.Numerator, d) : null
        : f.Numerator;
}
