using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CaseBot.Tests.Telegram;

/// <summary>
/// Test-only bridge between Telegram.Bot and the emulator (see shared/telegram-test-api-notes.md): dates in
/// milliseconds become seconds, null results of answer/edit methods become what Telegram returns, and methods the
/// emulator lacks (setMyCommands, sendPhoto, sendDocument) are answered here and recorded so tests can assert them.
/// </summary>
public sealed partial class EmulatorBridge : DelegatingHandler
{
    private static readonly string[] AnsweredHere = ["setMyCommands", "sendPhoto", "sendDocument", "sendChatAction"];
    private int _localMessageId = 1_000_000;

    public ConcurrentQueue<(string Method, string Body)> Local { get; } = new();

    /// <summary>Chats whose user blocked the bot: sending to them answers 403 as Telegram does; each try is counted.</summary>
    public ConcurrentDictionary<string, int> Blocked { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var method = request.RequestUri!.Segments[^1];
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        if (method is "sendMessage" && FormField(body, "chat_id") is { } blocked && Blocked.ContainsKey(blocked))
        {
            Blocked.AddOrUpdate(blocked, 1, (_, n) => n + 1);
            return Json(new JsonObject { ["ok"] = false, ["error_code"] = 403, ["description"] = "Forbidden: bot was blocked by the user" },
                HttpStatusCode.Forbidden);
        }
        if (AnsweredHere.Contains(method))
        {
            Local.Enqueue((method, body));
            JsonNode result = method is "setMyCommands" or "sendChatAction"
                ? JsonValue.Create(true)
                : FakeMessage(FormField(body, "chat_id"), Interlocked.Increment(ref _localMessageId), FormField(body, "caption"));
            return Json(new JsonObject { ["ok"] = true, ["result"] = result });
        }

        // Telegram drops the buttons of an edited message sent without reply_markup; the emulator keeps them.
        if (method is "editMessageText" && JsonNode.Parse(body) is JsonObject edit && edit["reply_markup"] is null)
        {
            edit["reply_markup"] = new JsonObject { ["inline_keyboard"] = new JsonArray() };
            request.Content = new StringContent(edit.ToJsonString(), Encoding.UTF8, "application/json");
        }
        var response = await base.SendAsync(request, ct);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
        if (json is JsonObject root)
        {
            FixDates(root);
            if (root["result"] is null && method is "answerCallbackQuery") root["result"] = true;
            if (root["result"] is null && method is "editMessageText" or "editMessageReplyMarkup" && JsonNode.Parse(body) is JsonObject sent)
                root["result"] = FakeMessage(sent["chat_id"]?.ToString(), (int?)sent["message_id"] ?? 0, (string?)sent["text"]);
        }
        return Json(json!, response.StatusCode);
    }

    private static void FixDates(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                    if (key == "date" && value is JsonValue v && v.TryGetValue<long>(out var ms) && ms > 99_999_999_999) o[key] = ms / 1000;
                    else if (value is not null) FixDates(value);
                break;
            case JsonArray a:
                foreach (var item in a) if (item is not null) FixDates(item);
                break;
        }
    }

    private static JsonObject FakeMessage(string? chatId, int messageId, string? text) => new()
    {
        ["message_id"] = messageId, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = text,
        ["chat"] = new JsonObject { ["id"] = long.TryParse(chatId, out var id) ? id : 0, ["type"] = "private" },
    };

    /// <summary>A field of a multipart/form-data or JSON body.</summary>
    public static string? FormField(string body, string name)
    {
        var form = Regex.Match(body, $"name=\"?{name}\"?\\r\\n(?:[^\\r\\n]*\\r\\n)*?\\r\\n(.*?)\\r\\n--", RegexOptions.Singleline);
        if (form.Success) return form.Groups[1].Value;
        try { return JsonNode.Parse(body)?[name]?.ToString(); } catch (System.Text.Json.JsonException) { return null; }
    }

    private static HttpResponseMessage Json(JsonNode json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json") };
}
