namespace CaseBot.Channels.WhatsApp;

/// <summary>Bound from "CaseBot:WhatsApp". Tokens and the app secret come from the environment or user secrets.</summary>
public sealed class WhatsAppOptions
{
    public const string Section = "CaseBot:WhatsApp";

    public string? PhoneNumberId { get; set; }
    public string? AccessToken { get; set; }
    /// <summary>The Meta app secret: X-Hub-Signature-256 is an HMAC-SHA256 of the raw body with it.</summary>
    public string? AppSecret { get; set; }
    /// <summary>Echoed in the GET verification handshake when Meta sends the same hub.verify_token.</summary>
    public string? VerifyToken { get; set; }
    public string BaseUrl { get; set; } = "https://graph.facebook.com";
    public string ApiVersion { get; set; } = "v21.0";
    public string WebhookPath { get; set; } = "/whatsapp/webhook";
    /// <summary>Largest webhook body accepted; Meta's payloads are a few kilobytes, so more is refused (413) unread.</summary>
    public int MaxBodyKilobytes { get; set; } = 256;
    /// <summary>Approved template for messages outside the 24-hour window (it takes the text as its one body parameter); null = not sent, logged.</summary>
    public string? NoticeTemplate { get; set; }
    /// <summary>
    /// Approved template for alerts (/siaga) outside the 24-hour window: the alert as its one body parameter and quick-reply
    /// buttons (Siap, Tidak bisa) whose payloads the bot fills with the answers; null = <see cref="NoticeTemplate"/>, without buttons.
    /// </summary>
    public string? AlertTemplate { get; set; }
    public string TemplateLanguage { get; set; } = "id";
    /// <summary>Region for numbers typed without a country code ("0812..." → +62812...).</summary>
    public string DefaultRegion { get; set; } = "ID";

    public bool Enabled => !string.IsNullOrWhiteSpace(PhoneNumberId) && !string.IsNullOrWhiteSpace(AccessToken);
}
