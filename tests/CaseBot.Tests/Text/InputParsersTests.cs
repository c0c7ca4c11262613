using CaseBot.Domain.Text;

namespace CaseBot.Tests.Text;

public sealed class InputParsersTests
{
    private static readonly DateOnly Today = new(2024, 3, 15);

    [Theory]
    [InlineData("12", 12)]
    [InlineData(" 12 ", 12)]
    [InlineData("1.234", 1234)]
    [InlineData("1234", 1234)]
    [InlineData("1 234", 1234)]
    [InlineData("34.133", 34133)]
    [InlineData("12 jiwa", 12)]
    [InlineData("30 KK", 30)]
    [InlineData("0", 0)]
    [InlineData("nol", 0)]
    [InlineData("1.000.000", 1000000)]
    public void Counts_are_read_as_people_type_them(string text, int expected)
    {
        Assert.True(InputParsers.TryParseCount(text, out var n));
        Assert.Equal(expected, n);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("1,5")]
    [InlineData("1.23")]
    [InlineData("12.34.567")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("dua belas")]
    [InlineData("2000000000")]
    [InlineData("12 kambing")]
    public void Bad_counts_are_rejected(string? text) => Assert.False(InputParsers.TryParseCount(text, out _));

    [Theory]
    [InlineData("2,5", 2.5)]
    [InlineData("1.250,5", 1250.5)]
    [InlineData("1.234", 1234)]
    [InlineData("150 paket", 150)]
    public void Quantities_take_a_decimal_comma(string text, double expected)
    {
        Assert.True(InputParsers.TryParseQuantity(text, out var q));
        Assert.Equal((decimal)expected, q);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("banyak")]
    [InlineData("2,5,1")]
    public void Quantities_must_be_positive_numbers(string text) => Assert.False(InputParsers.TryParseQuantity(text, out _));

    [Theory]
    [InlineData("hari ini", 2024, 3, 15)]
    [InlineData("Hari Ini", 2024, 3, 15)]
    [InlineData("kemarin", 2024, 3, 14)]
    [InlineData("kmrn", 2024, 3, 14)]
    [InlineData("kemarin lusa", 2024, 3, 13)]
    [InlineData("3 hari lalu", 2024, 3, 12)]
    [InlineData("3 hari yang lalu", 2024, 3, 12)]
    [InlineData("12/03/2024", 2024, 3, 12)]
    [InlineData("12-03-2024", 2024, 3, 12)]
    [InlineData("12.03.2024", 2024, 3, 12)]
    [InlineData("12/3/24", 2024, 3, 12)]
    [InlineData("12/03", 2024, 3, 12)]
    [InlineData("2024-03-12", 2024, 3, 12)]
    [InlineData("12 Maret 2024", 2024, 3, 12)]
    [InlineData("12 maret", 2024, 3, 12)]
    [InlineData("12 Mar 2024", 2024, 3, 12)]
    [InlineData("17 Agustus 2023", 2023, 8, 17)]
    [InlineData("17 agt 2023", 2023, 8, 17)]
    [InlineData("1 Des 2023", 2023, 12, 1)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    public void Dates_are_read_in_indonesian_forms(string text, int y, int m, int d)
    {
        Assert.True(InputParsers.TryParseDate(text, Today, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("31/02/2024")]
    [InlineData("29/02/2023")]
    [InlineData("12/13/2024")]
    [InlineData("minggu depan")]
    [InlineData("12 Foo 2024")]
    [InlineData("")]
    public void Impossible_or_unknown_dates_are_rejected(string text) => Assert.False(InputParsers.TryParseDate(text, Today, out _));

    [Theory]
    [InlineData("45", 45)]
    [InlineData("45 tahun", 45)]
    [InlineData("45 thn", 45)]
    [InlineData("8 bulan", 0)]
    [InlineData("16/03/1980", 43)] // birthday tomorrow
    [InlineData("15 Maret 1980", 44)]
    public void Ages_are_years_or_a_birth_date(string text, int expected)
    {
        Assert.True(InputParsers.TryParseAge(text, Today, out var years));
        Assert.Equal(expected, years);
    }

    [Theory]
    [InlineData("200")]
    [InlineData("01/01/2030")]
    [InlineData("tua")]
    public void Impossible_ages_are_rejected(string text) => Assert.False(InputParsers.TryParseAge(text, Today, out _));
}
