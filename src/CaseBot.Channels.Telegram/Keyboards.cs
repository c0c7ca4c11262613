using System.Text;
using CaseBot.Engine.Messages;
using Telegram.Bot.Types.ReplyMarkups;

namespace CaseBot.Channels.Telegram;

/// <summary>Engine choices as an inline keyboard: short labels two to a row, long ones alone, data within Telegram's 64 bytes.</summary>
public static class Keyboards
{
    public const int MaxCallbackBytes = 64;
    private const int ShortLabel = 18;

    public static InlineKeyboardMarkup? For(IReadOnlyList<Choice> choices)
    {
        var buttons = choices.Where(c => Encoding.UTF8.GetByteCount(c.Data) <= MaxCallbackBytes)
            .Select(c => InlineKeyboardButton.WithCallbackData(c.Label, c.Data)).ToList();
        if (buttons.Count == 0) return null;
        var rows = new List<List<InlineKeyboardButton>>();
        foreach (var button in buttons)
        {
            var last = rows.LastOrDefault();
            if (button.Text.Length <= ShortLabel && last is { Count: 1 } && last[0].Text.Length <= ShortLabel) last.Add(button);
            else rows.Add([button]);
        }
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>Choices whose data would not fit a Telegram button (they are left out; this lists them for the log).</summary>
    public static IEnumerable<Choice> TooLong(IReadOnlyList<Choice> choices) =>
        choices.Where(c => Encoding.UTF8.GetByteCount(c.Data) > MaxCallbackBytes);
}
