namespace CaseBot.Channels.Telegram;

public enum TelegramMode { Polling, Webhook }

/// <summary>Bound from "CaseBot:Telegram". The token comes from the environment or user secrets, never from a file in the repo.</summary>
public sealed class TelegramOptions
{
    public const string Section = "CaseBot:Telegram";

    public string? Token { get; set; }
    /// <summary>Bot API server; null for api.telegram.org. A local Bot API server or a test emulator goes here.</summary>
    public string? BaseUrl { get; set; }
    public TelegramMode Mode { get; set; } = TelegramMode.Polling;
    /// <summary>Public HTTPS URL Telegram posts updates to (webhook mode); its path is the endpoint mapped here.</summary>
    public string? WebhookUrl { get; set; }
    /// <summary>Checked against the X-Telegram-Bot-Api-Secret-Token header of every webhook call.</summary>
    public string? WebhookSecret { get; set; }
    /// <summary>Largest webhook body accepted; an update is a few kilobytes, so more is refused (413) unread.</summary>
    public int MaxBodyKilobytes { get; set; } = 256;
    /// <summary>Long-poll wait in seconds (Telegram holds getUpdates open this long when there is nothing new).</summary>
    public int PollTimeoutSeconds { get; set; } = 25;
    /// <summary>Pause between polls when a server answers at once with nothing (as emulators do).</summary>
    public int IdleDelayMilliseconds { get; set; } = 500;
    /// <summary>Buttons per page of a long list (26 PPKS types, 24 kecamatan).</summary>
    public int ButtonsPerPage { get; set; } = 8;
    /// <summary>Telegram asks for at most about one message a second to one chat (short bursts pass).</summary>
    public double PrivateChatMessagesPerSecond { get; set; } = 1;
    /// <summary>And at most 20 a minute to one group.</summary>
    public int GroupMessagesPerMinute { get; set; } = 20;
    /// <summary>And about 30 a second in all.</summary>
    public int MessagesPerSecond { get; set; } = 30;
    /// <summary>Chats handled at the same time; updates of one chat are always handled in order.</summary>
    public int Workers { get; set; } = 8;

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);

    public string WebhookPath => WebhookUrl is null ? "/telegram/webhook" : new Uri(WebhookUrl).AbsolutePath;
}
