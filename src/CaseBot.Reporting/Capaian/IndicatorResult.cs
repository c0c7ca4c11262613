namespace CaseBot.Reporting.Capaian;

/// <summary>One indicator measured for a region and period, with the figures behind it.</summary>
public sealed record IndicatorResult(IndicatorDefinition Indicator, decimal Numerator, decimal? Denominator, decimal? Target)
{
    /// <summary>The percentage (percentage indicators) or the count; null when there is nothing to divide by.</summary>
    public decimal? Realisasi => Indicator.Kind == IndicatorKind.Percentage
        ? Denominator is { } d ? CapaianMath.Percentage(Numerator, d) : null
        : Numerator;

    public decimal? Capaian => CapaianMath.Capaian(Realisasi, Target);

    public RatingBand? Band => Capaian is { } c ? CapaianMath.Band(c) : null;
}
