using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CaseBot.Tests.Support;
using CaseBot.Tests.WhatsApp;

namespace CaseBot.Tests.Deployment;

/// <summary>
/// The scale-out setup of compose.yaml without Docker: two real `casebot` processes on one PostgreSQL, each serving
/// the WhatsApp webhook. One is killed mid-conversation; the other carries the same conversation on.
/// </summary>
[Collection(SerialProcesses.Name)]
public sealed class TwoInstancesTests
{
    private const string User = "6281200000001";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task When_one_instance_dies_the_other_answers_and_the_conversation_goes_on()
    {
        await using var database = TestDatabase.Create(StorageKind.Postgres);
        await using var graph = await FakeGraphApi.StartAsync();
        var settings = new Dictionary<string, string>(database.Environment)
        {
            ["CaseBot__WhatsApp__PhoneNumberId"] = "1234567", ["CaseBot__WhatsApp__AccessToken"] = "token-uji",
            ["CaseBot__WhatsApp__AppSecret"] = WhatsAppBotUnderTest.AppSecret, ["CaseBot__WhatsApp__VerifyToken"] = WhatsAppBotUnderTest.VerifyToken,
            ["CaseBot__WhatsApp__BaseUrl"] = graph.BaseUrl,
        };
        using var first = await WebhookProcess.StartAsync(settings);
        using var second = await WebhookProcess.StartAsync(settings);
        foreach (var bot in new[] { first, second })
            Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("/readyz")).StatusCode);

        Assert.Contains("nama lengkap", await SayAsync(first, graph, "/daftar", "m1"));
        first.Kill();
        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync("/readyz")).StatusCode);
        Assert.Contains("peran", (await SayAsync(second, graph, "Siti Aminah", "m2")).ToLowerInvariant()); // the next question
    }

    /// <summary>Posts a signed text message and waits for the bot's next message to the user at the fake Graph API.</summary>
    private static async Task<string> SayAsync(WebhookProcess bot, FakeGraphApi graph, string text, string id)
    {
        var seen = graph.SentTo(User).Count;
        var payload = WhatsAppBotUnderTest.Envelope(new JsonObject
        {
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Siti" }, ["wa_id"] = User }),
            ["messages"] = new JsonArray(new JsonObject
            {
                ["from"] = User, ["id"] = $"wamid.{id}", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(),
                ["type"] = "text", ["text"] = new JsonObject { ["body"] = text },
            }),
        });
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256",
            "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WhatsAppBotUnderTest.AppSecret), body)));
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.SendAsync(request)).StatusCode);
        var until = DateTime.UtcNow + ReplyTimeout;
        while (graph.SentTo(User).Count == seen)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"no reply to \"{text}\" within {ReplyTimeout}");
            await Task.Delay(50);
        }
        return graph.SentTo(User)[seen].ToJsonString();
    }
}
