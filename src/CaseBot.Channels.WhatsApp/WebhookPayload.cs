using System.Globalization;
using System.Text.Json.Nodes;
using CaseBot.Engine.Messages;

namespace CaseBot.Channels.WhatsApp;

/// <summary>
/// The Cloud API webhook body (entry[].changes[].value.messages[]) as engine messages. Statuses are skipped. Each
/// message is read on its own: one of the wrong shape is reported and skipped, the rest of the batch still counts.
/// </summary>
public static class WebhookPayload
{
    public const string ChannelName = "whatsapp";

    /// <summary>The entry list, or null when the body is not an object with one.</summary>
    public static JsonArray? Entries(JsonNode? body) => (body as JsonObject)?["entry"] as JsonArray;

    /// <param name="skipped">Told where an item of the wrong shape was and why it was skipped.</param>
    public static IReadOnlyList<IncomingMessage> Parse(JsonArray entries, string defaultRegion, int pageSize, Action<string, string> skipped)
    {
        var result = new List<IncomingMessage>();
        for (var e = 0; e < entries.Count; e++)
        {
            if ((entries[e] as JsonObject)?["changes"] is not JsonArray changes) { skipped($"entry[{e}]", "no changes list"); continue; }
            for (var c = 0; c < changes.Count; c++)
            {
                var value = (changes[c] as JsonObject)?["value"] as JsonObject;
                var names = Names(value?["contacts"] as JsonArray);
                if (value?["messages"] is not JsonArray messages) continue; // statuses and other fields
                for (var m = 0; m < messages.Count; m++)
                {
                    try
                    {
                        if (Message(messages[m], names, defaultRegion, pageSize) is { } message) result.Add(message);
                        else skipped($"entry[{e}].changes[{c}].value.messages[{m}]", "no from or id");
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException)
                    {
                        skipped($"entry[{e}].changes[{c}].value.messages[{m}]", ex.Message);
                    }
                }
            }
        }
        return result;
    }

    private static IncomingMessage? Message(JsonNode? message, IReadOnlyDictionary<string, string?> names, string defaultRegion, int pageSize)
    {
        if (message is not JsonObject || (string?)message["from"] is not { } from || (string?)message["id"] is not { } id) return null;
        var user = PhoneNumbersE164.Normalize(from, defaultRegion);
        var incoming = new IncomingMessage
        {
            Channel = ChannelName, UserId = user, ChatId = user, MessageId = $"wa:{id}",
            DisplayName = names.GetValueOrDefault(from), ChoicePageSize = pageSize,
        };
        return (string?)message["type"] switch
        {
            "text" => incoming with { Text = (string?)message["text"]?["body"] },
            "interactive" => incoming with
            {
                ButtonData = (string?)message["interactive"]?["button_reply"]?["id"] ?? (string?)message["interactive"]?["list_reply"]?["id"],
            },
            // A template's quick reply: its payload is the button's data where the bot set one (an alert's answer).
            "button" => (string?)message["button"]?["payload"] is { Length: > 0 } payload && payload.StartsWith('/')
                ? incoming with { ButtonData = payload }
                : incoming with { Text = (string?)message["button"]?["text"] },
            "image" => incoming with { PhotoFileId = (string?)message["image"]?["id"] },
            "location" => incoming with
            {
                Location = new GeoPoint(Number(message["location"]?["latitude"]), Number(message["location"]?["longitude"])),
            },
            _ => incoming with { Text = "" }, // stickers, audio...: the engine answers with the question again
        };
    }

    /// <summary>Profile names by wa_id; a contact of the wrong shape only loses its name.</summary>
    private static Dictionary<string, string?> Names(JsonArray? contacts)
    {
        var names = new Dictionary<string, string?>();
        foreach (var contact in contacts ?? [])
            if (contact?["wa_id"] is JsonValue id && id.TryGetValue<string>(out var waId))
                names[waId] = contact["profile"]?["name"] is JsonValue name && name.TryGetValue<string>(out var n) ? n : null;
        return names;
    }

    private static double Number(JsonNode? node) => node is null ? 0 : double.Parse(node.ToString(), CultureInfo.InvariantCulture);
}
