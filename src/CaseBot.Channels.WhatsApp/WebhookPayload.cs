using System.Globalization;
using System.Text.Json.Nodes;
using CaseBot.Engine.Messages;

namespace CaseBot.Channels.WhatsApp;

/// <summary>The Cloud API webhook body (entry[].changes[].value.messages[]) as engine messages. Statuses are skipped.</summary>
public static class WebhookPayload
{
    public const string ChannelName = "whatsapp";

    public static IReadOnlyList<IncomingMessage> Parse(JsonNode? body, string defaultRegion, int pageSize)
    {
        var result = new List<IncomingMessage>();
        foreach (var change in body?["entry"]?.AsArray().SelectMany(e => e?["changes"]?.AsArray() ?? []) ?? [])
        {
            var value = change?["value"];
            var names = value?["contacts"]?.AsArray().ToDictionary(c => (string)c!["wa_id"]!, c => (string?)c!["profile"]?["name"]) ?? [];
            foreach (var message in value?["messages"]?.AsArray() ?? [])
            {
                if (message is null || (string?)message["from"] is not { } from || (string?)message["id"] is not { } id) continue;
                var user = PhoneNumbersE164.Normalize(from, defaultRegion);
                var incoming = new IncomingMessage
                {
                    Channel = ChannelName, UserId = user, ChatId = user, MessageId = $"wa:{id}",
                    DisplayName = names.GetValueOrDefault(from), ChoicePageSize = pageSize,
                };
                result.Add((string?)message["type"] switch
                {
                    "text" => incoming with { Text = (string?)message["text"]?["body"] },
                    "interactive" => incoming with
                    {
                        ButtonData = (string?)message["interactive"]?["button_reply"]?["id"] ?? (string?)message["interactive"]?["list_reply"]?["id"],
                    },
                    "button" => incoming with { Text = (string?)message["button"]?["text"] }, // a template's quick reply
                    "image" => incoming with { PhotoFileId = (string?)message["image"]?["id"] },
                    "location" => incoming with
                    {
                        Location = new GeoPoint(Number(message["location"]?["latitude"]), Number(message["location"]?["longitude"])),
                    },
                    _ => incoming with { Text = "" }, // stickers, audio...: the engine answers with the question again
                });
            }
        }
        return result;
    }

    private static double Number(JsonNode? node) => node is null ? 0 : double.Parse(node.ToString(), CultureInfo.InvariantCulture);
}
