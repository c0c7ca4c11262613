using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CaseBot.Tests.WhatsApp;

namespace CaseBot.Tests.Support;

/// <summary>A WhatsApp user talking to a real `casebot` process: signed webhook posts in, the fake Graph API's record out.</summary>
public sealed class SignedWhatsApp(HttpClient bot, FakeGraphApi graph, string user)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private int _sequence;

    /// <summary>Points at another instance (the same user, the same fake Graph API).</summary>
    public HttpClient Bot { get; set; } = bot;

    /// <summary>Posts a signed text message and returns the bot's next message to the user (its JSON body).</summary>
    public async Task<string> SayAsync(string text)
    {
        var seen = graph.SentTo(user).Count;
        var payload = WhatsAppBotUnderTest.Envelope(new JsonObject
        {
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Siti" }, ["wa_id"] = user }),
            ["messages"] = new JsonArray(new JsonObject
            {
                ["from"] = user, ["id"] = $"wamid.{user}.{++_sequence}.{Guid.NewGuid():N}", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(),
                ["type"] = "text", ["text"] = new JsonObject { ["body"] = text },
            }),
        });
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256",
            "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WhatsAppBotUnderTest.AppSecret), body)));
        Assert.Equal(HttpStatusCode.OK, (await Bot.SendAsync(request)).StatusCode);
        var until = DateTime.UtcNow + ReplyTimeout;
        while (graph.SentTo(user).Count == seen)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"no reply to \"{text}\" within {ReplyTimeout}");
            await Task.Delay(50);
        }
        return graph.SentTo(user)[seen].ToJsonString();
    }

    /// <summary>The settings that turn the WhatsApp channel of a `casebot` process on against <paramref name="graph"/>.</summary>
    public static Dictionary<string, string> Settings(FakeGraphApi graph) => new()
    {
        ["CaseBot__WhatsApp__PhoneNumberId"] = "1234567", ["CaseBot__WhatsApp__AccessToken"] = "token-uji-rahasia",
        ["CaseBot__WhatsApp__AppSecret"] = WhatsAppBotUnderTest.AppSecret, ["CaseBot__WhatsApp__VerifyToken"] = WhatsAppBotUnderTest.VerifyToken,
        ["CaseBot__WhatsApp__BaseUrl"] = graph.BaseUrl,
    };
}
