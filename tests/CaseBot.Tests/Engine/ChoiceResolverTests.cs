using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Tests.Engine;

public sealed class ChoiceResolverTests
{
    private static readonly Choice[] PpksTypes =
    [
        new("Anak terlantar", "anak-terlantar"), new("Lanjut usia terlantar", "lansia-terlantar"),
        new("Penyandang disabilitas", "penyandang-disabilitas"), new("Anak dengan kedisabilitas", "anak-disabilitas"),
        new("Korban trafficking", "korban-trafficking"), new("Gelandangan", "gelandangan"),
    ];

    [Theory]
    [InlineData("2", "lansia-terlantar")]            // its number
    [InlineData("lanjut usia terlantar", "lansia-terlantar")]
    [InlineData("Lanjut Usia Terlantr", "lansia-terlantar")] // a slip
    [InlineData("lansia", "lansia-terlantar")]        // the code's short form
    [InlineData("trafficking", "korban-trafficking")] // a unique word of the label
    [InlineData("gelandangn", "gelandangan")]
    public void Typed_answers_find_their_choice(string typed, string expected) =>
        Assert.Equal(expected, ChoiceResolver.Resolve(PpksTypes, null, typed)?.Data);

    [Theory]
    [InlineData("disabilitas")] // two labels contain it: ask again rather than guess
    [InlineData("7")]
    [InlineData("ana")]
    [InlineData("")]
    public void Ambiguous_or_unknown_answers_find_nothing(string typed) =>
        Assert.Null(ChoiceResolver.Resolve(PpksTypes, null, typed));

    [Fact]
    public void A_button_must_be_one_of_the_offered_choices() =>
        Assert.Null(ChoiceResolver.Resolve(PpksTypes, "stale-data", null));

    [Fact]
    public void Where_a_typed_answer_is_expected_a_number_is_not_a_button()
    {
        Choice[] keep = [new("Tetap (40)", "40")];
        Assert.Null(ChoiceResolver.Resolve(keep, null, "1", loose: false, numbers: false));
        Choice[] suggestions = [new("Lampia", "Lampia"), new("Baruga", "Baruga")];
        Assert.Equal("Baruga", ChoiceResolver.Resolve(suggestions, null, "2", loose: false)?.Data); // elsewhere a number presses its button
        Assert.Equal("40", ChoiceResolver.Resolve(keep, null, "tetap (40)", loose: false)?.Data);
    }
}
