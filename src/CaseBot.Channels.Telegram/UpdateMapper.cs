using System.Globalization;
using CaseBot.Engine.Messages;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CaseBot.Channels.Telegram;

/// <summary>Telegram update → engine message. Returns null for what the bot ignores (other bots, group chatter, edits...).</summary>
public static class UpdateMapper
{
    public const string ChannelName = "telegram";

    public static IncomingMessage? Map(Update update, string botUsername, int pageSize)
    {
        // The library leaves a field the JSON lacks null even where Telegram always sends it: an update without its
        // sender or chat is ignored rather than failing deep in the handling.
        if (update.CallbackQuery is { Message: { Chat: { } pressedIn }, From: { } presser } callback)
            return new IncomingMessage
            {
                Channel = ChannelName, UserId = Id(presser.Id), ChatId = Id(pressedIn.Id), ChatKind = Kind(pressedIn),
                ButtonData = callback.Data, MessageId = $"tgcb:{callback.Id}", DisplayName = Name(presser), ChoicePageSize = pageSize,
                PressedMessageId = callback.Message.MessageId.ToString(CultureInfo.InvariantCulture),
            };

        if (update.Message is not { From: { IsBot: false } from, Chat: not null } message) return null;
        var kind = Kind(message.Chat);
        var text = message.Text ?? message.Caption;
        if (kind == ChatKind.Group && !IsCommandForMe(text, botUsername)) return null; // groups: only commands to this bot
        return new IncomingMessage
        {
            Channel = ChannelName, UserId = Id(from.Id), ChatId = Id(message.Chat.Id), ChatKind = kind,
            Text = message.Photo is null ? text : null, MessageId = MessageKey(message), DisplayName = Name(from),
            PhotoFileId = message.Photo?.OrderBy(p => p.FileSize ?? p.Width * p.Height).LastOrDefault()?.FileId,
            Location = message.Location is { } l ? new GeoPoint(l.Latitude, l.Longitude) : null,
            ChoicePageSize = pageSize,
        };
    }

    /// <summary>
    /// A message is the same message when its chat and message id are: update ids restart (a week idle, a new token),
    /// message ids within a chat do not.
    /// </summary>
    public static string MessageKey(Message message) =>
        $"tg:{Id(message.Chat.Id)}:{message.MessageId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"/capaian" or "/capaian@ThisBot"; "/capaian@OtherBot" belongs to another bot in the group.</summary>
    private static bool IsCommandForMe(string? text, string botUsername)
    {
        if (text is null || !text.StartsWith('/')) return false;
        var head = text.Split(' ', 2)[0];
        var at = head.IndexOf('@');
        return at < 0 || string.Equals(head[(at + 1)..], botUsername, StringComparison.OrdinalIgnoreCase);
    }

    private static ChatKind Kind(Chat chat) => chat.Type is ChatType.Group or ChatType.Supergroup or ChatType.Channel ? ChatKind.Group : ChatKind.Private;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Name(User user) => $"{user.FirstName} {user.LastName}".Trim();
}
