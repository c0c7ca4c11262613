namespace CaseBot.Engine.Messages;

public enum ChatKind { Private, Group }

public sealed record GeoPoint(double Latitude, double Longitude);

/// <summary>What a channel hands the engine: one user action, already stripped of channel specifics.</summary>
public sealed record IncomingMessage
{
    /// <summary>"telegram", "whatsapp", "terminal".</summary>
    public required string Channel { get; init; }
    public required string UserId { get; init; }
    public required string ChatId { get; init; }
    public ChatKind ChatKind { get; init; } = ChatKind.Private;
    public string? Text { get; init; }
    /// <summary>The data of a pressed button (a <see cref="Choice.Data"/>), when the user pressed one.</summary>
    public string? ButtonData { get; init; }
    /// <summary>The channel's id for this update/message; a repeated id is ignored (redelivery).</summary>
    public string? MessageId { get; init; }
    /// <summary>The name the channel knows the user by (a suggestion for registration).</summary>
    public string? DisplayName { get; init; }
    public GeoPoint? Location { get; init; }
    /// <summary>A channel file id of a photo the user sent.</summary>
    public string? PhotoFileId { get; init; }
    /// <summary>How many choices the channel shows at once; 0 = all. Longer lists are paged by the engine.</summary>
    public int ChoicePageSize { get; init; }
    /// <summary>The channel's id of the message whose button was pressed (a next page replaces it in place).</summary>
    public string? PressedMessageId { get; init; }

    public string UserKey => $"{Channel}:{UserId}";
}
