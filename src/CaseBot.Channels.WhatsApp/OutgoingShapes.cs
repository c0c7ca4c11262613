using System.Text.Json.Nodes;
using CaseBot.Engine.Messages;

namespace CaseBot.Channels.WhatsApp;

/// <summary>
/// Engine replies as Cloud API message bodies: reply buttons for up to 3 short choices, a list for up to 10,
/// numbered text otherwise (the user answers with the number).
/// </summary>
public static class OutgoingShapes
{
    public const int MaxButtons = 3, MaxButtonTitle = 20, MaxRows = 10, MaxRowTitle = 24, MaxRowDescription = 72, MaxBody = 1024;

    public static JsonObject Text(string to, string text) => Envelope(to, "text", new JsonObject { ["body"] = text });

    /// <summary>The body for a reply with choices, and whether it fell back to numbered text.</summary>
    public static (JsonObject Body, bool Numbered) WithChoices(string to, string text, IReadOnlyList<Choice> choices)
    {
        if (text.Length <= MaxBody && choices.Count <= MaxButtons && choices.All(c => c.Label.Length <= MaxButtonTitle))
            return (Envelope(to, "interactive", new JsonObject
            {
                ["type"] = "button",
                ["body"] = new JsonObject { ["text"] = text },
                ["action"] = new JsonObject
                {
                    ["buttons"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject
                    {
                        ["type"] = "reply", ["reply"] = new JsonObject { ["id"] = c.Data, ["title"] = c.Label },
                    }).ToArray()),
                },
            }), false);
        if (text.Length <= MaxBody && choices.Count <= MaxRows && choices.All(c => c.Label.Length <= MaxRowDescription))
            return (Envelope(to, "interactive", new JsonObject
            {
                ["type"] = "list",
                ["body"] = new JsonObject { ["text"] = text },
                ["action"] = new JsonObject
                {
                    ["button"] = "Pilih",
                    ["sections"] = new JsonArray(new JsonObject
                    {
                        ["title"] = "Pilihan",
                        ["rows"] = new JsonArray(choices.Select(c => (JsonNode)Row(c)).ToArray()),
                    }),
                },
            }), false);
        var numbered = string.Join("\n", choices.Select((c, i) => $"{i + 1}. {c.Label}"));
        return (Text(to, $"{text}\n\n{numbered}\n\nBalas dengan nomor pilihan."), true);
    }

    public static JsonObject Image(string to, string mediaId, string? caption) =>
        Envelope(to, "image", new JsonObject { ["id"] = mediaId, ["caption"] = caption });

    public static JsonObject Document(string to, string mediaId, string fileName, string? caption) =>
        Envelope(to, "document", new JsonObject { ["id"] = mediaId, ["filename"] = fileName, ["caption"] = caption });

    /// <summary>Quick-reply buttons a template may carry.</summary>
    public const int MaxQuickReplies = 3;

    /// <summary>A pre-approved template carrying the text as its one body parameter (outside the 24-hour window), and the
    /// payloads of its quick-reply buttons, in order, when it has some.</summary>
    public static JsonObject Template(string to, string name, string language, string text, IReadOnlyList<string>? quickReplies = null)
    {
        var components = new JsonArray(new JsonObject
        {
            ["type"] = "body",
            ["parameters"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text.Length <= MaxBody ? text : text[..(MaxBody - 1)] + "…" }),
        });
        foreach (var (payload, index) in (quickReplies ?? []).Select((p, i) => (p, i)))
            components.Add(new JsonObject
            {
                ["type"] = "button", ["sub_type"] = "quick_reply", ["index"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["parameters"] = new JsonArray(new JsonObject { ["type"] = "payload", ["payload"] = payload }),
            });
        return Envelope(to, "template", new JsonObject
        {
            ["name"] = name,
            ["language"] = new JsonObject { ["code"] = language },
            ["components"] = components,
        });
    }

    /// <summary>Row titles are short: a long label keeps its start as title and is written out in full below.</summary>
    private static JsonObject Row(Choice c) => c.Label.Length <= MaxRowTitle
        ? new JsonObject { ["id"] = c.Data, ["title"] = c.Label }
        : new JsonObject { ["id"] = c.Data, ["title"] = c.Label[..(MaxRowTitle - 1)] + "…", ["description"] = c.Label };

    private static JsonObject Envelope(string to, string type, JsonObject content) => new()
    {
        ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual", ["to"] = PhoneNumbersE164.ToWaId(to), ["type"] = type, [type] = content,
    };
}
