using CaseBot.Domain.Text;

namespace CaseBot.Tests.Text;

public sealed class NikAndFormatTests
{
    [Theory]
    [InlineData("7371010101800001")]
    [InlineData("7324 4101 0150 0001")] // a woman: day + 40
    [InlineData("5304.0101.0150.0002")]
    public void Valid_niks_pass_and_are_cleaned(string nik)
    {
        Assert.True(Nik.IsValid(nik));
        Assert.Equal(16, Nik.Clean(nik)!.Length);
    }

    [Theory]
    [InlineData("737101010180000", "16 angka; Anda mengetik 15")]
    [InlineData("0971010101800001", "provinsi")]
    [InlineData("7371013201800001", "Tanggal lahir")]
    [InlineData("7371010113800001", "Tanggal lahir")]
    [InlineData("7371010101800000", "0000")]
    [InlineData("73710101018000A1", "hanya berisi angka")]
    public void Invalid_niks_say_what_is_wrong(string nik, string expected)
    {
        Assert.False(Nik.IsValid(nik));
        Assert.Contains(expected, Nik.ExplainInvalid(nik));
    }

    [Fact]
    public void Masking_keeps_the_first_and_last_four_digits() =>
        Assert.Equal("7371********0001", Nik.Mask("7371010101800001"));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1234, "1.234")]
    [InlineData(34133, "34.133")]
    [InlineData(1000000, "1.000.000")]
    public void Whole_numbers_use_a_dot_for_thousands(long n, string expected) => Assert.Equal(expected, IndonesianFormat.Number(n));

    [Theory]
    [InlineData(100, "100%")]
    [InlineData(208.59, "208,59%")]
    [InlineData(82.3, "82,3%")]
    [InlineData(118.27, "118,27%")]
    [InlineData(1234.5, "1.234,5%")]
    public void Percentages_use_a_decimal_comma(double p, string expected) => Assert.Equal(expected, IndonesianFormat.Percent((decimal)p));

    [Fact]
    public void Dates_use_indonesian_month_names()
    {
        Assert.Equal("12 Maret 2024", IndonesianFormat.Date(new DateOnly(2024, 3, 12)));
        Assert.Equal("17 Agustus 1945", IndonesianFormat.Date(new DateOnly(1945, 8, 17)));
    }

    [Fact]
    public void Relative_times_are_indonesian()
    {
        var now = new DateTimeOffset(2024, 3, 15, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal("3 jam yang lalu", IndonesianFormat.Relative(now.AddHours(-3), now));
        Assert.Equal("kemarin", IndonesianFormat.Relative(now.AddDays(-1), now));
    }

    [Theory]
    [InlineData("Malli", "Malili", false)]
    [InlineData("malili", "Malili", true)]
    [InlineData("tomoni timr", "Tomoni Timur", false)]
    [InlineData("TOMONI  TIMUR", "Tomoni Timur", true)]
    [InlineData("kota kefa", "Kota Kefamenanu", false)]
    [InlineData("Biboki Anlue", "Biboki Anleu", false)]
    public void Region_names_match_forgivingly(string typed, string expected, bool exact)
    {
        var match = FuzzyMatcher.Best(typed, ["Malili", "Tomoni", "Tomoni Timur", "Wotu", "Kota Kefamenanu", "Biboki Anleu", "Biboki Moenleu"]);
        Assert.Equal(new FuzzyMatch(expected, exact), match);
    }

    [Theory]
    [InlineData("Tomon")] // Tomoni and Tomoni Timur both start with it, and Tomoni is one letter away: still clear
    public void A_one_letter_slip_prefers_the_nearest(string typed) =>
        Assert.Equal("Tomoni", FuzzyMatcher.Best(typed, ["Tomoni", "Tomoni Timur"])?.Value);

    [Theory]
    [InlineData("Biboki")]
    [InlineData("xyz")]
    public void Ambiguous_or_unknown_names_do_not_match(string typed) =>
        Assert.Null(FuzzyMatcher.Best(typed, ["Biboki Anleu", "Biboki Moenleu", "Malili"]));
}
